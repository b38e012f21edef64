import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { fieldIssues } from '@commons/shared';
import { firstIssueOf } from '../graphql/errors';

/** A tag the network offers, with what it means. */
export interface CuratedTag {
  tag: string;
  description: string;
}

/** The words of one kind of tag: what "add", the chosen list and the live announcements say. */
export interface TagPickerTexts {
  add: string;
  chosen: string;
  remove: (tag: string) => string;
  added: (tag: string) => string;
  removed: (tag: string) => string;
  /** The label of the text input when it is not the field's label (beside curated tags). */
  freeTag?: string;
  curatedCaption?: string;
}

interface TagPickerProps {
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** The shared schema of one tag: it normalises what is typed the way the server stores it. */
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: string } | { success: false; error: Parameters<typeof fieldIssues>[0] };
  };
  max: number;
  texts: TagPickerTexts;
  /** A problem with the list as a whole, e.g. from the server. */
  error?: string | null;
  /** Offered in the text input's suggestions. */
  suggestions?: readonly string[];
  /** Offered first, as toggle buttons (and as suggestions). */
  curated?: readonly CuratedTag[];
  maxLength?: number;
}

/**
 * Tags typed in (Enter, comma or Add adds one; each chosen tag has its own remove button) and,
 * when given, curated tags as toggle buttons. Tags are normalised by the shared schema, kept once,
 * and at most `max`; additions and removals are announced.
 */
export function TagPicker({
  label,
  hint,
  values,
  onChange,
  schema,
  max,
  texts,
  error,
  suggestions = [],
  curated = [],
  maxLength,
}: TagPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = draftError ?? error;
  const full = values.length >= max;

  function add(raw: string): boolean {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      setDraftError(firstIssueOf(schema, raw, t));
      return false;
    }
    if (!values.includes(parsed.data)) {
      if (full) {
        setDraftError(t('errors.issue.too_many', { max }));
        return false;
      }
      onChange([...values, parsed.data]);
    }
    setAnnouncement(texts.added(parsed.data));
    setDraftError(null);
    return true;
  }

  function addDraft() {
    if (draft.trim() && add(draft)) setDraft('');
  }

  function remove(tag: string) {
    onChange(values.filter((value) => value !== tag));
    setAnnouncement(texts.removed(tag));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addDraft();
    }
  }

  const offered = [...curated.map((tag) => tag.tag), ...suggestions].filter(
    (tag, i, all) => !values.includes(tag) && all.indexOf(tag) === i,
  );
  const describedBy =
    [hint ? `${id}-hint` : null, shownError ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field tag-picker">
      <legend className="field__label">{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {curated.length > 0 && (
        <div className="tag-picker__curated">
          {texts.curatedCaption && <p className="tag-picker__caption">{texts.curatedCaption}</p>}
          <ul className="tags">
            {curated.map((tag) => {
              const chosen = values.includes(tag.tag);
              return (
                <li key={tag.tag}>
                  <button
                    type="button"
                    className="tag tag-toggle"
                    aria-pressed={chosen}
                    title={tag.description || undefined}
                    disabled={!chosen && full}
                    onClick={() => (chosen ? remove(tag.tag) : add(tag.tag))}
                  >
                    {tag.tag}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {values.length > 0 && (
        <ul className="tags tags--editable" aria-label={texts.chosen}>
          {values.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="tag__remove"
                onClick={() => {
                  remove(tag);
                  inputRef.current?.focus();
                }}
                aria-label={texts.remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className={texts.freeTag ? 'tag-picker__label' : 'visually-hidden'}>
        {texts.freeTag ?? label}
      </label>
      <div className="tag-input__row">
        <input
          ref={inputRef}
          id={id}
          className="field__control"
          value={draft}
          list={`${id}-suggestions`}
          autoComplete="off"
          maxLength={maxLength}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            setDraftError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--secondary" onClick={addDraft}>
          {texts.add}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {offered.map((tag) => (
          <option key={tag} value={tag} />
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
    </fieldset>
  );
}
