import { type ReactNode, useId } from 'react';

export interface CheckboxOption {
  id: string;
  label: ReactNode;
  /** Shown indented under the option before it (a secondary driver under its primary). */
  nested?: boolean;
}

interface CheckboxGroupProps {
  legend: string;
  hint?: string;
  empty?: string;
  options: readonly CheckboxOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
  className?: string;
}

/** A fieldset of checkboxes with its hint and error, each box described by both. */
export function CheckboxGroup({
  legend,
  hint,
  empty,
  options,
  selected,
  onChange,
  error,
  className,
}: CheckboxGroupProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const toggle = (optionId: string, on: boolean) =>
    onChange(on ? [...selected, optionId] : selected.filter((x) => x !== optionId));

  return (
    <fieldset className={`field checkbox-group ${className ?? ''}`}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {options.length === 0 && empty && <p className="muted">{empty}</p>}
      <ul className="checkbox-group__list">
        {options.map((option) => (
          <li key={option.id} className={option.nested ? 'checkbox-group__nested' : undefined}>
            <input
              id={`${id}-${option.id}`}
              type="checkbox"
              checked={selected.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${option.id}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
