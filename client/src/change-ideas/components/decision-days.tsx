import { can, DECISION_CONFIRMATION_DAYS_RANGE, decisionConfirmationDaysSchema } from '@commons/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { toFormErrors } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';

const DecisionDaysDocument = graphql(`
  query DecisionDays($slug: String!) {
    network(slug: $slug) {
      id
      decisionConfirmationDays
    }
  }
`);

const SetDecisionDaysDocument = graphql(`
  mutation SetDecisionDays($networkId: ID!, $days: Int!) {
    setDecisionConfirmationDays(networkId: $networkId, days: $days) {
      id
      decisionConfirmationDays
    }
  }
`);

/**
 * How long a decision waits for confirmations, in the network's own words; a
 * network admin changes the number of days here (decisions already waiting keep theirs).
 */
export function DecisionDays() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const [{ data }] = useQuery({ query: DecisionDaysDocument, variables: { slug: network.slug } });
  const [{ fetching }, save] = useMutation(SetDecisionDaysDocument);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const days = data?.network.decisionConfirmationDays;
  if (days === undefined) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(editing);
    if (!decisionConfirmationDaysSchema.safeParse(value).success) {
      setError(t('ideas.days.range', DECISION_CONFIRMATION_DAYS_RANGE));
      return;
    }
    const result = await save({ networkId: network.id, days: value });
    if (result.error) {
      setError(
        toFormErrors(result.error, ['days'], t).fields.days ?? t('ideas.days.range', DECISION_CONFIRMATION_DAYS_RANGE),
      );
      return;
    }
    setError(null);
    setEditing(null);
    setAnnouncement(t('ideas.days.saved', { count: value }));
  }

  return (
    <div className="decision-days">
      <p>
        {t('ideas.days.rule', { count: days })}{' '}
        {can(actor, 'network.configure') && editing === null && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(String(days))}
          >
            {t('ideas.days.change')}
          </button>
        )}
      </p>
      <StatusMessage>{announcement}</StatusMessage>
      {editing !== null && (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label={t('ideas.days.change')}
          className="decision-days__form"
        >
          <TextField
            className="field--short"
            type="number"
            min={DECISION_CONFIRMATION_DAYS_RANGE.min}
            max={DECISION_CONFIRMATION_DAYS_RANGE.max}
            label={t('ideas.days.label')}
            hint={t('ideas.days.hint')}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            error={error}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={fetching}>
              {t('ideas.days.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
