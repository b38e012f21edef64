import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { describeError, errorCode } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextField } from '../../ui/field';
import { CastDotsDocument, PROPOSAL_CONTEXT } from '../documents';

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
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, cast] = useMutation(CastDotsDocument);
  const used = Object.values(dots).reduce((sum, n) => sum + n, 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (used > limit) {
      setProblem(t('proposals.tooManyDots', { count: limit }));
      return;
    }
    const votes = Object.entries(dots)
      .filter(([, n]) => n > 0)
      .map(([optionId, n]) => ({ optionId, dots: n }));
    const result = await cast({ proposalId: proposal.id, votes }, PROPOSAL_CONTEXT);
    if (result.error) {
      setProblem(
        errorCode(result.error) === 'BAD_USER_INPUT'
          ? t('proposals.tooManyDots', { count: limit })
          : describeError(result.error, t),
      );
      if (errorCode(result.error) === 'PROPOSAL_CLOSED') onClosed();
      return;
    }
    setProblem(null);
    onSaved();
  }

  return (
    <form
      className="dot-vote-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('proposals.yourDotsOn', { question: proposal.question })}
    >
      <FormAlert messages={problem ? [problem] : []} />
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
