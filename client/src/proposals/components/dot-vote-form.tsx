import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { describeError, errorCode } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { useForm } from '../../ui/use-form';
import { CastDotsDocument, PROPOSAL_CONTEXT } from '../documents';

/** The dots are checked as a whole (no more than she has), so their problems are the form's, not a field's. */
const NO_FIELDS = [] as const;

/** The viewer spreads her dots over a dot vote's options: a number per option, no more than she has in all. */
export function DotVoteForm({
  proposal,
  onSaved,
  onClosed,
}: {
  proposal: ProposalFieldsFragment;
  onSaved: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const limit = proposal.dotsPerMember ?? 0;
  const [dots, setDots] = useState<Record<string, number>>(() =>
    Object.fromEntries(proposal.viewerDots.map((v) => [v.optionId, v.dots])),
  );
  const form = useForm(NO_FIELDS);
  const [{ fetching }, cast] = useMutation(CastDotsDocument);
  const used = Object.values(dots).reduce((sum, n) => sum + n, 0);

  async function submit() {
    const tooMany = t('proposals.tooManyDots', { count: limit });
    const votes = Object.entries(dots)
      .filter(([, n]) => n > 0)
      .map(([optionId, n]) => ({ optionId, dots: n }));
    const result = await form.submit({
      check: () => (used > limit ? { fields: {}, form: [tooMany] } : null),
      send: () => cast({ proposalId: proposal.id, votes }, PROPOSAL_CONTEXT),
      onError: (error) => {
        if (errorCode(error) === 'PROPOSAL_CLOSED') onClosed();
        return { fields: {}, form: [errorCode(error) === 'BAD_USER_INPUT' ? tooMany : describeError(error, t)] };
      },
    });
    if (result) onSaved();
  }

  return (
    <form
      {...form.formProps(submit)}
      className="dot-vote-form"
      aria-label={t('proposals.yourDotsOn', { question: proposal.question })}
    >
      <FormAlert messages={form.errors.form} />
      <fieldset className="field">
        <legend className="field__label">{t('proposals.spreadDots', { count: limit })}</legend>
        {proposal.options.map((option) => (
          <TextField
            key={option.id}
            className="field--short"
            label={option.label}
            type="number"
            min={0}
            max={limit}
            inputMode="numeric"
            value={dots[option.id] ?? 0}
            onChange={(e) =>
              setDots((current) => ({ ...current, [option.id]: Math.max(0, Math.floor(Number(e.target.value) || 0)) }))
            }
          />
        ))}
        <p role="status" className={used > limit ? 'field__error' : 'field__hint'}>
          {t('proposals.dotsUsed', { used, count: limit })}
        </p>
      </fieldset>
      <button type="submit" className="button" disabled={fetching}>
        {t('proposals.saveDots')}
      </button>
    </form>
  );
}
