import { can, DECISION_CONFIRMATION_DAYS_RANGE, decisionConfirmationDaysSchema } from '@commons/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { toFormErrors } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { StatusMessage } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

const SetDecisionDaysDocument = graphql(`
  mutation SetDecisionDays($networkId: ID!, $days: Int!) {
    setDecisionConfirmationDays(networkId: $networkId, days: $days) {
      id
      decisionConfirmationDays
    }
  }
`);

const FIELDS = ['days'] as const;

/**
 * How long a decision waits for confirmations, in the network's own words; a
 * network admin changes the number of days here (decisions already waiting keep theirs).
 */
export function DecisionDays() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const [{ fetching }, save] = useMutation(SetDecisionDaysDocument);
  const form = useForm(FIELDS);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // Part of the network the page is in, so the rule is there when the page is drawn (nothing moves in later).
  const days = network.decisionConfirmationDays;
  const outOfRange = { fields: { days: t('ideas.days.range', DECISION_CONFIRMATION_DAYS_RANGE) }, form: [] };

  async function submit() {
    const value = Number(editing);
    const result = await form.submit({
      check: () => (decisionConfirmationDaysSchema.safeParse(value).success ? null : outOfRange),
      send: () => save({ networkId: network.id, days: value }),
      onError: (error) => {
        const found = toFormErrors(error, FIELDS, t);
        return found.fields.days ? found : outOfRange;
      },
    });
    if (!result) return;
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
        <form {...form.formProps(submit)} aria-label={t('ideas.days.change')} className="decision-days__form">
          <TextField
            className="field--short"
            type="number"
            min={DECISION_CONFIRMATION_DAYS_RANGE.min}
            max={DECISION_CONFIRMATION_DAYS_RANGE.max}
            label={t('ideas.days.label')}
            hint={t('ideas.days.hint')}
            {...form.field('days', editing, setEditing)}
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
