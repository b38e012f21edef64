import { type Role, SEARCH_TYPES, type SearchType } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFacetsFieldsFragment } from '../../gql/graphql';
import { graphql } from '../../gql';
import { type CommonsSearch, filterCount, type ListFilter, searchesResources } from '../search-params';

graphql(`
  fragment SearchFacetsFields on SearchFacets {
    kinds {
      value
      label
      count
    }
    tags {
      value
      label
      count
    }
    audiences {
      value
      label
      count
    }
    sites {
      value
      label
      count
    }
    authors {
      value
      label
      count
    }
  }
`);

/** How many values of a long facet show before "Show all". */
const SHORT_LIST = 8;

interface FacetValue {
  value: string;
  label: string;
  count: number | null;
}

interface SearchFiltersProps {
  search: CommonsSearch;
  /** The counts of the current search; null until the first answer. */
  facets: SearchFacetsFieldsFragment | null;
  onToggle: <K extends ListFilter>(key: K, value: CommonsSearch[K][number]) => void;
  onChange: (changes: Partial<CommonsSearch>) => void;
  onClear: () => void;
  /** A site's name by its id, for a chosen site the current results do not count. */
  siteName: (id: string) => string | undefined;
}

/**
 * The filters of a commons search, each value with the number of results choosing it would give.
 * Every filter is a native checkbox, radio or date field, so all of it works from the keyboard.
 */
export function SearchFilters({ search, facets, onToggle, onChange, onClear, siteName }: SearchFiltersProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // Chosen values stay listed even when the current search has no result for them.
  const withChosen = (
    values: readonly { value: string; label: string; count: number }[] | undefined,
    chosen: readonly string[],
    label: (value: string) => string | undefined,
    fallback: (value: string) => string = (value) => value,
  ): FacetValue[] => {
    const list: FacetValue[] = (values ?? []).map((v) => ({
      value: v.value,
      label: label(v.value) || v.label,
      count: v.count,
    }));
    for (const value of chosen) {
      if (!list.some((v) => v.value === value))
        list.push({ value, label: label(value) || fallback(value), count: facets ? 0 : null });
    }
    return list;
  };
  const none = () => undefined;

  return (
    <section className="commons-filters panel" aria-labelledby={headingId}>
      <div className="commons-filters__header">
        <h2 id={headingId} className="commons-filters__title">
          {t('commons.filters.title')}
        </h2>
        {filterCount(search) > 0 && (
          <button type="button" className="link-button" onClick={onClear}>
            {t('commons.filters.clear')}
          </button>
        )}
      </div>
      <fieldset className="facet">
        <legend className="facet__legend">{t('commons.filters.type')}</legend>
        <TypeChoice
          value={search.types}
          // Kinds, tags, audiences, sites and authors describe resources: they go when resources are not searched.
          onChange={(types) =>
            onChange(
              searchesResources({ types })
                ? { types }
                : { types, kinds: [], tags: [], audiences: [], sites: [], authors: [] },
            )
          }
        />
        <p className="field__hint">{t('commons.filters.typeHint')}</p>
      </fieldset>
      {searchesResources(search) && (
        <>
          <FacetGroup
            legend={t('commons.filters.kind')}
            values={withChosen(facets?.kinds, search.kinds, (v) =>
              t(`commons.kind.${v as CommonsSearch['kinds'][number]}`),
            )}
            chosen={search.kinds}
            onToggle={(value) => onToggle('kinds', value as CommonsSearch['kinds'][number])}
          />
          <FacetGroup
            legend={t('commons.filters.tag')}
            values={withChosen(facets?.tags, search.tags, none)}
            chosen={search.tags}
            onToggle={(value) => onToggle('tags', value)}
          />
          <FacetGroup
            legend={t('commons.filters.audience')}
            values={withChosen(facets?.audiences, search.audiences, (v) => t(`roles.${v as Role}`))}
            chosen={search.audiences}
            onToggle={(value) => onToggle('audiences', value as Role)}
          />
          <FacetGroup
            legend={t('commons.filters.site')}
            values={withChosen(facets?.sites, search.sites, siteName)}
            chosen={search.sites}
            onToggle={(value) => onToggle('sites', value)}
          />
          <FacetGroup
            legend={t('commons.filters.author')}
            values={withChosen(facets?.authors, search.authors, none, () => t('commons.filters.chosenAuthor'))}
            chosen={search.authors}
            onToggle={(value) => onToggle('authors', value)}
          />
        </>
      )}
      <DateRange from={search.from} to={search.to} onChange={onChange} />
    </section>
  );
}

function TypeChoice({ value, onChange }: { value: SearchType[]; onChange: (types: SearchType[]) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const chosen = value.length === 1 ? value[0] : '';
  const options: { value: SearchType | ''; label: string }[] = [
    { value: '', label: t('commons.filters.everything') },
    ...SEARCH_TYPES.map((type) => ({ value: type, label: t(`commons.searchType.${type}`) })),
  ];
  return (
    <ul className="facet__list">
      {options.map((option) => (
        <li key={option.value || 'all'} className="facet__value">
          <input
            type="radio"
            id={`${name}-${option.value || 'all'}`}
            name={name}
            checked={chosen === option.value}
            onChange={() => onChange(option.value ? [option.value] : [])}
          />
          <label htmlFor={`${name}-${option.value || 'all'}`}>{option.label}</label>
        </li>
      ))}
    </ul>
  );
}

interface FacetGroupProps {
  legend: string;
  values: FacetValue[];
  chosen: readonly string[];
  onToggle: (value: string) => void;
}

function FacetGroup({ legend, values, chosen, onToggle }: FacetGroupProps) {
  const { t } = useTranslation();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  if (values.length === 0) return null;
  const shown = expanded ? values : values.filter((v, i) => i < SHORT_LIST || chosen.includes(v.value));
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{legend}</legend>
      <ul className="facet__list" id={`${id}-list`}>
        {shown.map((facet, i) => (
          <li key={facet.value} className="facet__value">
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={chosen.includes(facet.value)}
              onChange={() => onToggle(facet.value)}
            />
            <label htmlFor={`${id}-${i}`}>
              {facet.label}
              {facet.count !== null && (
                <span className="facet__count">
                  {' '}
                  <span aria-hidden="true">({facet.count})</span>
                  <span className="visually-hidden">{t('commons.filters.resultCount', { count: facet.count })}</span>
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      {values.length > shown.length || expanded ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('commons.filters.showFewer') : t('commons.filters.showAll', { count: values.length })}
        </button>
      ) : null}
    </fieldset>
  );
}

function DateRange({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (changes: Partial<CommonsSearch>) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{t('commons.filters.date')}</legend>
      <div className="facet__dates">
        <div className="field field--compact">
          <label htmlFor={`${id}-from`} className="field__label">
            {t('commons.filters.from')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="field__control"
            value={from}
            max={to || undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </div>
        <div className="field field--compact">
          <label htmlFor={`${id}-to`} className="field__label">
            {t('commons.filters.to')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="field__control"
            value={to}
            min={from || undefined}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}
