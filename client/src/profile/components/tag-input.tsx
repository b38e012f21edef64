import { interestSchema } from '@commons/shared';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstIssueOf } from '../../graphql/errors';
import '../../ui/field.css';

interface TagInputProps {
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** A problem with the list as a whole, e.g. from the server. */
  error?: string | null;
  suggestions?: readonly string[];
  max: number;
}

/**
 * Interests as tags: type one and press Enter (or Add); each tag has its own remove button.
 * Tags are normalised the way the server stores them (trimmed, lower case, no duplicates).
 */
export function TagInput({ label, hint, values, onChange, error, suggestions = [], max }: TagInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = draftError ?? error;
  const describedBy = [hint ? `${id}-hint` : null, shownError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  function add() {
    if (!draft.trim()) return;
    const parsed = interestSchema.safeParse(draft);
    if (!parsed.success) {
      setDraftError(firstIssueOf(interestSchema, draft, t));
      return;
    }
    if (values.length >= max && !values.includes(parsed.data)) {
      setDraftError(t('errors.issue.too_many', { max }));
      return;
    }
    if (!values.includes(parsed.data)) onChange([...values, parsed.data]);
    setAnnouncement(t('profile.interests.added', { interest: parsed.data }));
    setDraft('');
    setDraftError(null);
  }

  function remove(interest: string) {
    onChange(values.filter((value) => value !== interest));
    setAnnouncement(t('profile.interests.removed', { interest }));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  }

  return (
    <div className="field tag-input" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {values.length > 0 && (
        <ul className="tags tags--editable" aria-label={t('profile.interests.current')}>
          {values.map((interest) => (
            <li key={interest} className="tag">
              {interest}
              <button type="button" className="tag__remove" onClick={() => remove(interest)} aria-label={t('profile.interests.remove', { interest })}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input__row">
        <input
          ref={inputRef}
          id={id}
          className="field__control"
          value={draft}
          list={`${id}-suggestions`}
          autoComplete="off"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            setDraftError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--secondary" onClick={add}>
          {t('profile.interests.add')}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((s) => !values.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      {shownError && (
        <p id={`${id}-error`} className="field__error">
          {shownError}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
