import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { DecisionFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useFormatDateTime } from '../../i18n/format';
import { DECISION_CONTEXT, WithdrawDecisionDocument } from '../decision-documents';
import { DecisionAnswer } from './decision-answer';
import { DecisionFacts } from './decision-facts';
import { DecisionParticipants } from './decision-participants';

interface PendingDecisionProps {
  decision: DecisionFieldsFragment;
  viewerId: string;
  /**
   * Something changed (an answer, a withdrawal): the page reloads the idea and says `announcement`
   * (`whileWaiting`: only while the idea has not moved, as "you confirmed, others have not yet").
   */
  onChanged: (announcement?: string, holds?: 'whileWaiting') => void;
}

/**
 * The decision waiting for confirmations: the move, what and why, until when it waits, and each
 * participant's answer so far. A participant who has not answered confirms or declines here; its
 * recorder may withdraw it. `#pending-decision` is where notifications about it lead.
 */
export function PendingDecision({ decision, viewerId, onChanged }: PendingDecisionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDateTime = useFormatDateTime();
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawDecisionDocument);
  const mine = decision.participants.find((p) => p.member.userId === viewerId);
  const waitingForMe = mine?.answer === 'WAITING';
  const recordedByMe = decision.decidedBy.userId === viewerId;
  const status = (s: string) => t(`ideas.status.${s as DecisionFieldsFragment['toStatus']}`);

  return (
    <section id="pending-decision" className="pending-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('ideas.pending.title')}</h3>
      <p>
        {t('ideas.pending.summary', {
          name: decision.decidedBy.name,
          from: status(decision.fromStatus),
          to: status(decision.toStatus),
        })}{' '}
        {decision.expiresAt && (
          <span className="muted">
            {t('ideas.pending.until')} <time dateTime={decision.expiresAt}>{formatDateTime(decision.expiresAt)}</time>
          </span>
        )}
      </p>
      <DecisionFacts decision={decision} />
      <p className="decision-people__title">{t('ideas.pending.rule')}</p>
      <DecisionParticipants participants={decision.participants} ended={false} label={t('ideas.pending.answers')} />
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {waitingForMe && (
        <DecisionAnswer
          decisionId={decision.id}
          label={t('ideas.pending.yourAnswer')}
          onAnswered={(answer, now) => {
            if (answer === 'DECLINED') onChanged(t('ideas.pending.declined'));
            else if (now === 'TAKEN') onChanged(t('ideas.pending.taken', { status: status(decision.toStatus) }));
            else onChanged(t('ideas.pending.confirmed'), 'whileWaiting');
          }}
          onClosed={() => onChanged()}
        />
      )}
      {recordedByMe && (
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={fetching}
            onClick={() => {
              setProblem(null);
              void withdraw({ decisionId: decision.id }, DECISION_CONTEXT).then((result) => {
                if (result.error) {
                  setProblem(describeError(result.error, t));
                  onChanged();
                } else onChanged(t('ideas.pending.withdrawn'));
              });
            }}
          >
            {t('ideas.pending.withdraw')}
          </button>
        </div>
      )}
    </section>
  );
}
