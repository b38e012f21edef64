import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { FormAlert } from '../../ui/feedback';
import { toFormErrors } from '../../graphql/errors';

const RespondToCoDesignInvitationDocument = graphql(`
  mutation RespondToCoDesignInvitation($ideaId: ID!, $accept: Boolean!) {
    respondToCoDesignInvitation(ideaId: $ideaId, accept: $accept) {
      id
      viewerCoDesignStatus
    }
  }
`);

/** The viewer's invitation to co-design the idea, with who sent it, to accept or decline. */
export function InvitationAnswer({
  ideaId,
  invitedBy,
  onAnswered,
}: {
  ideaId: string;
  invitedBy: string | null;
  onAnswered: (accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  const [{ fetching }, respond] = useMutation(RespondToCoDesignInvitationDocument);
  const [problem, setProblem] = useState<string[]>([]);

  async function answer(accept: boolean) {
    const result = await respond({ ideaId, accept });
    if (result.error) {
      setProblem(toFormErrors(result.error, [], t).form);
      return;
    }
    onAnswered(accept);
  }

  return (
    <section className="notice invitation-answer" aria-label={t('ideas.invitation.label')}>
      <p className="notice__title">
        {invitedBy ? t('ideas.invitation.fromName', { name: invitedBy }) : t('ideas.invitation.title')}
      </p>
      <p>{t('ideas.invitation.body')}</p>
      <FormAlert messages={problem} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void answer(true)} disabled={fetching}>
          {t('ideas.invitation.accept')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void answer(false)}
          disabled={fetching}
        >
          {t('ideas.invitation.decline')}
        </button>
      </div>
    </section>
  );
}
