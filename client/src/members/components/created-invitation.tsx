import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteMemberMutation } from '../../gql/graphql';
import { StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';

/** The new invitation's link, shown once, with a button to copy it. */
export function CreatedInvitationPanel({ created }: { created: InviteMemberMutation['inviteMember'] }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const [shownFor, setShownFor] = useState(created);
  if (created !== shownFor) {
    setShownFor(created);
    setCopied(null);
  }
  useEffect(() => {
    headingRef.current?.focus();
  }, [created]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied('yes');
    } catch {
      // Without clipboard access, select the link so the member can copy it herself.
      linkRef.current?.select();
      setCopied('no');
    }
  }

  return (
    <div className="created-invitation notice notice--success">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('invitations.created.title', { email: created.invitation.email })}
      </h3>
      <p>{t('invitations.created.copyHint')}</p>
      <TextField
        ref={linkRef}
        label={t('invitations.created.link')}
        value={created.link}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        data-testid="invitation-link"
      />
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {t('invitations.created.copy')}
      </button>
      {created.emailed && <p>{t('invitations.created.emailed', { email: created.invitation.email })}</p>}
      <StatusMessage>
        {copied === 'yes'
          ? t('invitations.created.copied')
          : copied === 'no'
            ? t('invitations.created.copyFailed')
            : null}
      </StatusMessage>
    </div>
  );
}
