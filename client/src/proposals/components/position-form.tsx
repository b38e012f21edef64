import { type Position, POSITIONS, positionInputSchema } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { describeError, errorCode } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { PROPOSAL_CONTEXT, TakePositionDocument } from '../documents';
import { useForm } from '../../ui/use-form';

const FIELDS = ['position', 'reason'] as const;

/** The viewer's position on a proposal, with an optional reason (a block needs one); she may change it until it closes. */
export function PositionForm({
  proposal,
  onSaved,
  onClosed,
}: {
  proposal: ProposalFieldsFragment;
  onSaved: (position: Position) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [position, setPosition] = useState<Position | ''>(proposal.viewerPosition?.position ?? '');
  const [reason, setReason] = useState(proposal.viewerPosition?.reason ?? '');
  const [{ fetching }, take] = useMutation(TakePositionDocument);

  async function submit() {
    const input = { position, reason };
    const result = await form.submit({
      check: () => {
        const invalid = form.validate(positionInputSchema, input);
        if (position !== '' && !invalid) return null;
        return {
          fields: {
            ...(invalid?.fields ?? {}),
            ...(position === '' ? { position: t('proposals.choosePosition') } : {}),
          },
          form: invalid?.form ?? [],
        };
      },
      send: () =>
        take({ proposalId: proposal.id, input: { position: position as Position, reason } }, PROPOSAL_CONTEXT),
      onError: (error) => {
        if (errorCode(error) === 'PROPOSAL_CLOSED') onClosed();
        return errorCode(error) === 'BAD_USER_INPUT' ? undefined : { fields: {}, form: [describeError(error, t)] };
      },
    });
    if (result && position !== '') onSaved(position);
  }

  return (
    <form
      {...form.formProps(submit)}
      className="position-form"
      aria-label={t('proposals.yourPositionOn', { question: proposal.question })}
    >
      <FormAlert messages={errors.form} />
      <fieldset className="field position-choice">
        <legend className="field__label">{t('proposals.yourPosition')}</legend>
        {POSITIONS.map((p) => (
          <div key={p} className="field--radio">
            {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- aria-invalid is global in ARIA 1.2 and screen readers announce it on radios; focusFirstInvalid() finds the control by it */}
            <input
              id={`${id}-${p}`}
              type="radio"
              name={`${id}-position`}
              value={p}
              checked={position === p}
              onChange={() => setPosition(p)}
              aria-invalid={errors.fields.position ? true : undefined}
              aria-describedby={`${id}-${p}-hint${errors.fields.position ? ` ${id}-position-error` : ''}`}
            />
            <label htmlFor={`${id}-${p}`}>{t(`proposals.position.${p}`)}</label>
            <p id={`${id}-${p}-hint`} className="field__hint">
              {t(`proposals.positionHint.${p}`)}
            </p>
          </div>
        ))}
        {errors.fields.position && (
          <p id={`${id}-position-error`} className="field__error">
            {errors.fields.position}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={position === 'BLOCK' ? t('proposals.reasonBlock') : t('proposals.reason')}
        hint={t('proposals.reasonHint')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.fields.reason}
        required={position === 'BLOCK'}
      />
      <button type="submit" className="button" disabled={fetching}>
        {proposal.viewerPosition ? t('proposals.changePosition') : t('proposals.savePosition')}
      </button>
    </form>
  );
}
