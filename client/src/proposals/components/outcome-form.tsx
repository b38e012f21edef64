import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { CloseProposalDocument, PROPOSAL_CONTEXT } from '../documents';

/** Its proposer closes the proposal (when still open) and writes what the group concluded; later she may rewrite it. */
export function OutcomeForm({ proposal, onSaved }: { proposal: ProposalFieldsFragment; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState(proposal.outcome);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, close] = useMutation(CloseProposalDocument);
  const action = proposal.open
    ? t('proposals.closeNow')
    : proposal.outcome
      ? t('proposals.editOutcome')
      : t('proposals.writeOutcome');

  if (!editing) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
        {action}
      </button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome.trim() === '') {
      setError(t('errors.issue.required'));
      return;
    }
    const result = await close({ proposalId: proposal.id, outcome }, PROPOSAL_CONTEXT);
    if (result.error) {
      setProblem(describeError(result.error, t));
      return;
    }
    setEditing(false);
    onSaved();
  }

  return (
    <form className="outcome-form" onSubmit={(event) => void submit(event)} noValidate aria-label={action}>
      <FormAlert messages={problem ? [problem] : []} />
      <TextAreaField
        label={t('proposals.outcomeLabel')}
        hint={proposal.open ? t('proposals.outcomeHintOpen') : t('proposals.outcomeHint')}
        rows={3}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={error}
        required
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fetching}>
          {proposal.open ? t('proposals.closeAndSave') : t('proposals.saveOutcome')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
