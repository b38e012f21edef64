import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';

/** The form's name for the problem with a site row: `sites.0` is the first box. */
export type SiteRowField = `sites.${number}`;

interface SiteRowsProps {
  sites: string[];
  errors: Partial<Record<SiteRowField, string>>;
  onChange: (sites: string[]) => void;
}

/** The network's sites, one box each, with buttons to add a site and to remove one. */
export function SiteRows({ sites, errors, onChange }: SiteRowsProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    list.current?.querySelectorAll<HTMLInputElement>('input')[focusRow.current]?.focus();
    focusRow.current = null;
  });

  const change = (index: number, name: string) => onChange(sites.map((site, i) => (i === index ? name : site)));
  const add = () => {
    focusRow.current = sites.length;
    onChange([...sites, '']);
  };
  const remove = (index: number) => {
    focusRow.current = Math.max(0, index - 1);
    onChange(sites.filter((_, i) => i !== index));
  };

  return (
    <fieldset className="setup-form__part">
      <legend>{t('setup.sites.legend')}</legend>
      <p className="field__hint">{t('setup.sites.hint')}</p>
      <ol ref={list} className="site-rows">
        {sites.map((site, index) => (
          // Rows have no identity of their own; the index is the row.
          <li key={index} className="site-rows__row">
            <TextField
              label={t('setup.sites.label', { number: index + 1 })}
              name={`site-${index + 1}`}
              value={site}
              onChange={(e) => change(index, e.target.value)}
              error={errors[`sites.${index}`]}
              className="field--compact"
              required={index === 0}
            />
            {sites.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => remove(index)}
                aria-label={t('setup.sites.remove', { number: index + 1 })}
              >
                {t('setup.sites.removeShort')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={add}>
        {t('setup.sites.add')}
      </button>
    </fieldset>
  );
}
