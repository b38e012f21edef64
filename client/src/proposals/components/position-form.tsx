import { type Position, POSITIONS, positionInputSchema } from '@commons/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { describeError, errorCode, type FormErrors, NO_ERRORS, toFormErrors, validateWith } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { focusFirstInvalid, TextAreaField } from '../../ui/field';
import { PROPOSAL_CONTEXT, TakePositionDocument } from '../documents';

const FIELDS = ['position', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** The viewer's position on a proposal, with an optional reason (a block needs one); she may change it until it closes. */
export function PositionForm({ proposal, onSaved, onClosed }: { proposal: ProposalFieldsFragment; onSaved: (position: Position) => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [position, setPosition] = useState<Position | ''>(proposal.viewerPosition?.position ?? '');
  const [reason, setReason] = useState(proposal.viewerPosition?.reason ?? '');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [{ fetching }, take] = useMutation(TakePositionDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { position, reason };
    const invalid = validateWith(positionInputSchema, input, FIELDS, t);
    if (position === '' || invalid) {
      setErrors({ fields: { ...(invalid?.fields ?? {}), ...(position === '' ? { position: t('proposals.choosePosition') } : {}) }, form: invalid?.form ?? [] });
      focusFirstInvalid(formRef.current);
      return;
    }
    const result = await take({ proposalId: proposal.id, input: { position, reason } }, PROPOSAL_CONTEXT);
    if (result.error) {
      setErrors(errorCode(result.error) === 'BAD_USER_INPUT' ? toFormErrors(result.error, FIELDS, t) : { fields: {}, form: [describeError(result.error, t)] });
      if (errorCode(result.error) === 'PROPOSAL_CLOSED') onClosed();
      return;
    }
    setErrors(NO_ERRORS);
    onSaved(position);
  }

  return (
    <form ref={formRef} className="position-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('proposals.yourPositionOn', { question: proposal.question })}>
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
