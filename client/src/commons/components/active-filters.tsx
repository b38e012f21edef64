import { useTranslation } from 'react-i18next';
import { useFormatDay } from '../../i18n/format';
import type { SearchFacetsFieldsFragment } from '../../gql/graphql';
import type { CommonsSearch, ListFilter } from '../search-params';

interface ActiveFiltersProps {
  search: CommonsSearch;
  facets: SearchFacetsFieldsFragment | null;
  siteName: (id: string) => string | undefined;
  onToggle: <K extends ListFilter>(key: K, value: CommonsSearch[K][number]) => void;
  onChange: (changes: Partial<CommonsSearch>) => void;
}

/** The chosen filters above the results, each with a button that takes it off. */
export function ActiveFilters({ search, facets, siteName, onToggle, onChange }: ActiveFiltersProps) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const authorName = (id: string) =>
    facets?.authors.find((a) => a.value === id)?.label ?? t('commons.filters.chosenAuthor');
  const chips: { key: string; label: string; remove: () => void }[] = [
    ...search.kinds.map((v) => ({
      key: `kind-${v}`,
      label: t(`commons.kind.${v}`),
      remove: () => onToggle('kinds', v),
    })),
    ...search.tags.map((v) => ({ key: `tag-${v}`, label: `#${v}`, remove: () => onToggle('tags', v) })),
    ...search.audiences.map((v) => ({
      key: `audience-${v}`,
      label: t('commons.filters.forRole', { role: t(`roles.${v}`) }),
      remove: () => onToggle('audiences', v),
    })),
    ...search.sites.map((v) => ({ key: `site-${v}`, label: siteName(v) ?? v, remove: () => onToggle('sites', v) })),
    ...search.authors.map((v) => ({
      key: `author-${v}`,
      label: t('commons.filters.byAuthor', { name: authorName(v) }),
      remove: () => onToggle('authors', v),
    })),
    ...(search.from
      ? [
          {
            key: 'from',
            label: t('commons.filters.fromDay', { day: formatDay(search.from) }),
            remove: () => onChange({ from: '' }),
          },
        ]
      : []),
    ...(search.to
      ? [
          {
            key: 'to',
            label: t('commons.filters.toDay', { day: formatDay(search.to) }),
            remove: () => onChange({ to: '' }),
          },
        ]
      : []),
  ];
  if (chips.length === 0) return null;
  return (
    <ul className="tags active-filters" aria-label={t('commons.filters.active')}>
      {chips.map((chip) => (
        <li key={chip.key} className="tag tag--shared">
          {chip.label}
          <button
            type="button"
            className="tag__remove"
            onClick={chip.remove}
            aria-label={t('commons.filters.remove', { filter: chip.label })}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
