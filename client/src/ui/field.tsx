import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { LengthCount, useLengthLimit } from './length-limit';
import './field.css';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  /** The message shown under the control; marks it invalid. */
  error?: string | null;
}

/** Ids that tie a control to its hint, error and length count, for aria-describedby. */
function useFieldIds(
  explicitId: string | undefined,
  hint: ReactNode,
  error: string | null | undefined,
  limit?: number,
) {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = limit !== undefined ? `${id}-count` : undefined;
  const describedBy = [hintId, countId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, countId, describedBy };
}

interface Limited {
  /**
   * The most characters the field takes (the shared limit the server holds it to): a live count
   * shows under it, and a change past it is refused with a message, never cut.
   */
  limit?: number;
}

const lengthOf = (value: unknown) => (typeof value === 'string' ? value.length : 0);

function FieldNotes({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string;
  error?: string | null;
  errorId?: string;
}) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

type TextFieldProps = FieldFrame &
  Limited &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'maxLength'> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input with its hint and error, and its length count when limited. */
export function TextField({
  label,
  hint,
  error,
  limit,
  id: explicitId,
  className,
  onChange,
  ...input
}: TextFieldProps) {
  const { id, hintId, errorId, countId, describedBy } = useFieldIds(explicitId, hint, error, limit);
  const limited = useLengthLimit(limit, onChange);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={limited.onChange}
        {...input}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {limit !== undefined && (
        <LengthCount id={countId!} length={lengthOf(input.value)} limit={limit} refusedLength={limited.refusedLength} />
      )}
    </div>
  );
}

type TextAreaFieldProps = FieldFrame & Limited & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'maxLength'>;

/** A labelled multi-line text input, with its length count when limited. */
export function TextAreaField({
  label,
  hint,
  error,
  limit,
  id: explicitId,
  className,
  onChange,
  ...textarea
}: TextAreaFieldProps) {
  const { id, hintId, errorId, countId, describedBy } = useFieldIds(explicitId, hint, error, limit);
  const limited = useLengthLimit(limit, onChange);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea
        id={id}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={limited.onChange}
        {...textarea}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {limit !== undefined && (
        <LengthCount
          id={countId!}
          length={lengthOf(textarea.value)}
          limit={limit}
          refusedLength={limited.refusedLength}
        />
      )}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** The language of the label when it differs from the page's (language names). */
  lang?: string;
}

type SelectFieldProps = FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] };

/** A labelled drop-down list. */
export function SelectField({ label, hint, error, id: explicitId, className, options, ...select }: SelectFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

type CheckboxFieldProps = Omit<FieldFrame, 'error'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>;

/** A labelled checkbox, label to its right. */
export function CheckboxField({ label, hint, id: explicitId, className, ...input }: CheckboxFieldProps) {
  const { id, hintId, describedBy } = useFieldIds(explicitId, hint, null);
  return (
    <div className={`field field--checkbox ${className ?? ''}`}>
      <input id={id} type="checkbox" aria-describedby={describedBy} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Moves focus to the first control marked invalid inside `container`. */
export function focusFirstInvalid(container: HTMLElement | null) {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
