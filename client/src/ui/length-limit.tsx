import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../i18n/intl-cache';

/**
 * A text field's length limit: counts as the server does (UTF-16 units, JavaScript's `length`),
 * and refuses a change that would pass the limit (a paste, a keystroke) instead of cutting it,
 * keeping the text as it was and saying why. Nothing is cut silently.
 */
export function useLengthLimit<E extends HTMLInputElement | HTMLTextAreaElement>(
  limit: number | undefined,
  onChange: ((event: ChangeEvent<E>) => void) | undefined,
) {
  const [refusedLength, setRefusedLength] = useState<number | null>(null);
  const handleChange = (event: ChangeEvent<E>) => {
    if (limit !== undefined && event.target.value.length > limit) {
      setRefusedLength(event.target.value.length);
      return;
    }
    setRefusedLength(null);
    onChange?.(event);
  };
  return { refusedLength, onChange: limit === undefined ? onChange : handleChange };
}

/**
 * The live count under a limited field ("42 / 160 characters") and, after a refused change,
 * the reason, announced politely.
 */
export function LengthCount({
  id,
  length,
  limit,
  refusedLength,
}: {
  id: string;
  length: number;
  limit: number;
  refusedLength: number | null;
}) {
  const { t, i18n } = useTranslation();
  const number = numberFormat(i18n.resolvedLanguage ?? 'en');
  const near = length >= limit * 0.9;
  return (
    <div className="field__count-row">
      <p id={id} className={`field__count${near ? ' field__count--near' : ''}`}>
        {t('forms.length.count', { length: number.format(length), limit: number.format(limit) })}
      </p>
      <p className="field__error" role="status" hidden={refusedLength === null}>
        {refusedLength !== null &&
          t('forms.length.refused', { length: number.format(refusedLength), limit: number.format(limit) })}
      </p>
    </div>
  );
}
