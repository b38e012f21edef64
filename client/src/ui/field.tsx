import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import './field.css';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  /** The message shown under the control; marks it invalid. */
  error?: string | null;
}

/** Ids that tie a control to its hint and error, for aria-describedby. */
function useFieldIds(explicitId: string | undefined, hint: ReactNode, error: string | null | undefined) {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldNotes({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string | null; errorId?: string }) {
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

type TextFieldProps = FieldFrame & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input with its hint and error. */
export function TextField({ label, hint, error, id: explicitId, className, ...input }: TextFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} className="field__control" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

type TextAreaFieldProps = FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled multi-line text input. */
export function TextAreaField({ label, hint, error, id: explicitId, className, ...textarea }: TextAreaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(explicitId, hint, error);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea id={id} className="field__control" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
      <select id={id} className="field__control" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
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
