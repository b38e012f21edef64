import { CHANGE_IDEA_LIMITS } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeError, errorCode } from '../../graphql/errors';
import { TextAreaField } from '../../ui/field';
import { ConfirmDecisionDocument, DECISION_CONTEXT, DeclineDecisionDocument } from '../decision-documents';

interface DecisionAnswerProps {
  decisionId: string;
  /** Names the form for assistive technology ("Your answer to …"). */
  label: string;
  /** The answer was saved: CONFIRMED or DECLINED, and the decision's status now (TAKEN once the confirmations meet the together rule). */
  onAnswered: (answer: 'CONFIRMED' | 'DECLINED', status: string) => void;
  /** The decision no longer waits (someone declined, it expired): the caller reloads. */
  onClosed?: () => void;
}

/**
 * A participant's answer to a decision she is named in: an optional comment (her reason, when she
 * declines), then confirm or decline. Nobody answers for her: these buttons are hers alone.
 */
export function DecisionAnswer({ decisionId, label, onAnswered, onClosed }: DecisionAnswerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmState, confirm] = useMutation(ConfirmDecisionDocument);
  const [declineState, decline] = useMutation(DeclineDecisionDocument);
  const busy = confirmState.fetching || declineState.fetching;

  async function answer(kind: 'CONFIRMED' | 'DECLINED') {
    setProblem(null);
    const variables = kind === 'CONFIRMED' ? { decisionId, comment } : { decisionId, reason: comment };
    const result =
      kind === 'CONFIRMED' ? await confirm(variables, DECISION_CONTEXT) : await decline(variables, DECISION_CONTEXT);
    if (result.error) {
      setProblem(
        errorCode(result.error) === 'BAD_USER_INPUT'
          ? t('errors.issue.too_long', { max: CHANGE_IDEA_LIMITS.answerMax })
          : describeError(result.error, t),
      );
      if (errorCode(result.error) === 'DECISION_CLOSED') onClosed?.();
      return;
    }
    const saved =
      result.data && ('confirmDecision' in result.data ? result.data.confirmDecision : result.data.declineDecision);
    onAnswered(kind, saved?.status ?? 'PENDING');
  }

  return (
    <form className="decision-answer" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <TextAreaField
        id={`${id}-comment`}
        label={t('ideas.pending.comment')}
        hint={t('ideas.pending.commentHint')}
        rows={2}
        limit={CHANGE_IDEA_LIMITS.answerMax}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void answer('CONFIRMED')}>
          {t('ideas.pending.confirm')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void answer('DECLINED')}
        >
          {t('ideas.pending.decline')}
        </button>
      </div>
    </form>
  );
}
