import { fieldIssue } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import { CloseProposalDocument, PROPOSAL_CONTEXT } from '../documents';

const FIELDS = ['outcome'] as const;

/** Its proposer closes the proposal (when still open) and writes what the group concluded; later she may rewrite it. */
export function OutcomeForm({ proposal, onSaved }: { proposal: ProposalFieldsFragment; onSaved: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState(proposal.outcome);
  const form = useForm(FIELDS);
  const { errors } = form;
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

  async function submit() {
    const result = await form.submit({
      check: () => (outcome.trim() === '' ? form.fromIssues([fieldIssue('outcome', 'required')]) : null),
      send: () => close({ proposalId: proposal.id, outcome }, PROPOSAL_CONTEXT),
    });
    if (!result) return;
    setEditing(false);
    onSaved();
  }

  return (
    <form {...form.formProps(submit)} className="outcome-form" aria-label={action}>
      <FormAlert messages={errors.form} />
      <TextAreaField
        label={t('proposals.outcomeLabel')}
        hint={proposal.open ? t('proposals.outcomeHintOpen') : t('proposals.outcomeHint')}
        rows={3}
        {...form.field('outcome', outcome, setOutcome)}
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
