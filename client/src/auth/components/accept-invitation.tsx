import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { toFormErrors } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { FormAlert } from '../../ui/feedback';
import type { InvitationPreview } from '../invitation-preview';
import type { Viewer } from '../viewer';

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token)
  }
`);

/** For a signed-in person: join the invitation's network with one button. */
export function AcceptInvitation({
  token,
  preview,
  viewer,
}: {
  token: string;
  preview: InvitationPreview;
  viewer: Viewer;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const [messages, setMessages] = useState<string[]>([]);
  const [{ fetching }, accept] = useMutation(AcceptInvitationDocument);
  const alreadyMember = viewer.memberships.some((m) => m.active && m.network.slug === preview.networkSlug);

  if (alreadyMember) {
    return (
      <p className="notice">
        {t('invite.accept.alreadyMember')}{' '}
        <Link to={`/n/${preview.networkSlug}`}>{t('invite.accept.open', { network: preview.networkName })}</Link>
      </p>
    );
  }

  async function join() {
    const result = await accept({ token });
    if (result.error || !result.data) {
      const errors = toFormErrors(result.error, [], t);
      setMessages(errors.form);
      return;
    }
    // A new membership changes the whole viewer: start from an empty cache.
    resetClient();
    void navigate(`/n/${result.data.acceptInvitation}`, { replace: true });
  }

  return (
    <div className="panel">
      <p>{t('invite.accept.signedInAs', { name: viewer.name, email: viewer.email })}</p>
      {viewer.email !== preview.email && (
        <p className="muted">{t('invite.accept.otherAddress', { email: preview.email })}</p>
      )}
      <FormAlert messages={messages} />
      <button type="button" className="button" onClick={() => void join()} disabled={fetching}>
        {t('invite.accept.join', { network: preview.networkName })}
      </button>
    </div>
  );
}
