import { PROPOSAL_LIMITS, type ProposalKind, proposalInputSchema } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { type FormErrors } from '../../graphql/errors';
import { FormAlert } from '../../ui/feedback';
import { TextAreaField, TextField } from '../../ui/field';
import { OpenProposalDocument, PROPOSAL_CONTEXT } from '../documents';
import { closingTimeProblemKey, defaultClosing, toIsoInstant } from '../proposal-time';
import { useForm } from '../../ui/use-form';

const FIELDS = ['kind', 'question', 'details', 'closesAt', 'options', 'dotsPerMember'] as const;
type Field = (typeof FIELDS)[number];

/** Opens a proposal in the thread: a question for positions, or a choice among options with dots. */
export function ProposalForm({ threadId, onDone }: { threadId: string; onDone: (question: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const form = useForm(FIELDS);
  const { errors } = form;
  const [kind, setKind] = useState<ProposalKind>('CONSENT');
  const [question, setQuestion] = useState('');
  const [details, setDetails] = useState('');
  const [closes, setCloses] = useState(() => defaultClosing(new Date()));
  const [options, setOptions] = useState('');
  const [dotsPerMember, setDotsPerMember] = useState('2');
  const [{ fetching }, open] = useMutation(OpenProposalDocument);

  async function submit() {
    const dots = kind === 'DOT_VOTE';
    const input = {
      kind,
      question,
      details,
      closesAt: toIsoInstant(closes),
      options: dots
        ? options
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
        : [],
      dotsPerMember: dots ? Number(dotsPerMember) : null,
    };
    const check = () => {
      const invalid: FormErrors<Field> = form.validate(proposalInputSchema, input) ?? { fields: {}, form: [] };
      const timeProblem = closingTimeProblemKey(closes, new Date());
      if (timeProblem) invalid.fields.closesAt ??= t(timeProblem);
      return invalid;
    };
    const result = await form.submit({ check, send: () => open({ threadId, input }, PROPOSAL_CONTEXT) });
    if (result) onDone(question.trim());
  }

  return (
    <form {...form.formProps(submit)} className="proposal-form" aria-label={t('proposals.open')}>
      <FormAlert messages={errors.form} />
      <fieldset className="field">
        <legend className="field__label">{t('proposals.form.kind')}</legend>
        {(['CONSENT', 'DOT_VOTE'] as const).map((k) => (
          <div key={k} className="field--radio">
            <input
              id={`${id}-${k}`}
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              aria-describedby={`${id}-${k}-hint`}
            />
            <label htmlFor={`${id}-${k}`}>{t(`proposals.kind.${k}`)}</label>
            <p id={`${id}-${k}-hint`} className="field__hint">
              {t(`proposals.kindHint.${k}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <TextField
        label={t('proposals.form.question')}
        hint={t('proposals.form.questionHint')}
        {...form.field('question', question, setQuestion)}
        required
        limit={PROPOSAL_LIMITS.questionMax}
      />
      <TextAreaField
        label={t('proposals.form.details')}
        hint={t('proposals.form.detailsHint')}
        rows={3}
        {...form.field('details', details, setDetails)}
      />
      {kind === 'DOT_VOTE' && (
        <>
          <TextAreaField
            label={t('proposals.form.options')}
            hint={t('proposals.form.optionsHint')}
            rows={4}
            {...form.field('options', options, setOptions)}
            required
          />
          <TextField
            className="field--short"
            type="number"
            min={PROPOSAL_LIMITS.dotsMin}
            max={PROPOSAL_LIMITS.dotsMax}
            label={t('proposals.form.dotsPerMember')}
            hint={t('proposals.form.dotsPerMemberHint')}
            {...form.field('dotsPerMember', dotsPerMember, setDotsPerMember)}
            required
          />
        </>
      )}
      <TextField
        className="field--short"
        type="datetime-local"
        label={t('proposals.form.closesAt')}
        hint={t('proposals.form.closesAtHint')}
        {...form.field('closesAt', closes, setCloses)}
        required
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fetching}>
          {t('proposals.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
