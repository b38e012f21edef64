import { RESOURCE_LIMITS, tagSchema } from '@commons/shared';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstIssueOf } from '../../graphql/errors';

export interface CuratedTag {
  tag: string;
  description: string;
}

interface TagPickerProps {
  values: string[];
  onChange: (values: string[]) => void;
  /** The network's curated tags, offered first. */
  curated: readonly CuratedTag[];
  error?: string | null;
}

/**
 * Tags of a resource: the network's curated tags as toggle buttons, and free tags typed in
 * (Enter or comma adds one). Tags are normalised as the server stores them.
 */
export function TagPicker({ values, onChange, curated, error }: TagPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = draftError ?? error;
  const full = values.length >= RESOURCE_LIMITS.tagsMax;

  function add(raw: string): boolean {
    const parsed = tagSchema.safeParse(raw);
    if (!parsed.success) {
      setDraftError(firstIssueOf(tagSchema, raw, t));
      return false;
    }
    if (!values.includes(parsed.data)) {
      if (full) {
        setDraftError(t('errors.issue.too_many', { max: RESOURCE_LIMITS.tagsMax }));
        return false;
      }
      onChange([...values, parsed.data]);
    }
    setAnnouncement(t('commons.form.tagAdded', { tag: parsed.data }));
    setDraftError(null);
    return true;
  }

  function remove(tag: string) {
    onChange(values.filter((value) => value !== tag));
    setAnnouncement(t('commons.form.tagRemoved', { tag }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (draft.trim() && add(draft)) setDraft('');
    }
  }

  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="field tag-picker">
      <legend className="field__label">{t('commons.form.tags')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('commons.form.tagsHint', { count: RESOURCE_LIMITS.tagsMax })}
      </p>
      {curated.length > 0 && (
        <div className="tag-picker__curated">
          <p className="tag-picker__caption">{t('commons.form.curatedTags')}</p>
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
        <ul className="tags tags--editable" aria-label={t('commons.form.chosenTags')}>
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
                aria-label={t('commons.form.removeTag', { tag })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id} className="tag-picker__label">
        {t('commons.form.freeTag')}
      </label>
      <div className="tag-input__row">
        <input
          ref={inputRef}
          id={id}
          className="field__control"
          value={draft}
          list={`${id}-suggestions`}
          autoComplete="off"
          maxLength={RESOURCE_LIMITS.tagMax + 5}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            setDraftError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button button--secondary" onClick={() => draft.trim() && add(draft) && setDraft('')}>
          {t('commons.form.addTag')}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {curated
          .filter((tag) => !values.includes(tag.tag))
          .map((tag) => (
            <option key={tag.tag} value={tag.tag} />
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
