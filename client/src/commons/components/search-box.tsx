import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_QUERY_LENGTH } from '../search-params';

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The text in the address. */
  value: string;
  /** Called with the text after a pause in typing (or at once on Enter). */
  onSearch: (text: string) => void;
}

/**
 * The commons' one search box, in the page's search landmark. Results follow typing after a short
 * pause; the text written to the address is remembered, so the address catching up never
 * overwrites what the member has typed since.
 */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const written = useRef(value);

  useEffect(() => {
    // Only a change from elsewhere (a link, Back, "clear") replaces what is in the box.
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === written.current) return;
    const timer = setTimeout(() => {
      written.current = text;
      onSearch(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  const tooShort = text.trim().length > 0 && text.trim().length < MIN_QUERY_LENGTH;
  return (
    <form
      role="search"
      aria-label={t('commons.search.landmark')}
      className="commons-search panel"
      onSubmit={(event) => {
        event.preventDefault();
        written.current = text;
        onSearch(text);
      }}
    >
      <label htmlFor={id} className="field__label commons-search__label">
        {t('commons.search.label')}
      </label>
      <div className="commons-search__row">
        <input
          id={id}
          type="search"
          name="q"
          className="field__control commons-search__input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          aria-describedby={`${id}-hint`}
        />
        <button type="submit" className="button">
          {t('commons.search.submit')}
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {tooShort ? t('commons.search.tooShort', { count: MIN_QUERY_LENGTH }) : t('commons.search.hint')}
      </p>
    </form>
  );
}
