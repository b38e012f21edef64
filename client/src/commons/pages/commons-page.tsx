import { useCallback, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { ActiveFilters } from '../components/active-filters';
import { BookmarksPanel } from '../components/bookmarks-panel';
import { SearchBox } from '../components/search-box';
import { SearchFilters } from '../components/search-filters';
import { FirstResults, MoreResults } from '../components/search-results';
import { COMMONS_PAGE_SIZE, CommonsSearchDocument, RESOURCE_CONTEXT } from '../documents';
import { useCommonsSearch } from '../hooks/use-commons-search';
import {
  effectiveQuery,
  filterCount,
  isBrowsing,
  onlyResources,
  shownCount,
  toSearchVariables,
} from '../search-params';
import '../commons.css';

/**
 * The commons: one search box with results as you type, filters with counts, and, before
 * anything is typed, everything newest or most used first and the member's bookmarks. The
 * whole search lives in the address, so it can be shared or bookmarked.
 */
export function CommonsPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const { search, update, toggle, clearFilters } = useCommonsSearch();
  const resultsHeading = useId();
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const variables = useMemo(() => toSearchVariables(search, network.id), [search, network.id]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommonsSearchDocument,
    variables: { ...variables, first: COMMONS_PAGE_SIZE, after: null, withFacets: true },
    context: RESOURCE_CONTEXT,
  });
  const answer = data?.search ?? null;
  const facets = answer?.facets ?? null;
  const browsing = isBrowsing(search);
  const query = effectiveQuery(search.q);
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const siteName = useCallback((id: string) => network.sites.find((site) => site.id === id)?.name, [network.sites]);

  const resourcesOnly = onlyResources(search);
  const counted = answer
    ? { count: answer.totalCount, shown: shownCount(answer.totalCount, answer.exactCounts !== false), query }
    : null;
  const count = counted
    ? query
      ? t(resourcesOnly ? 'commons.results.foundFor' : 'commons.results.anyFoundFor', counted)
      : filterCount(search) > 0
        ? t(resourcesOnly ? 'commons.results.matchFilters' : 'commons.results.anyMatchFilters', counted)
        : t(resourcesOnly ? 'commons.results.all' : 'commons.results.anyAll', counted)
    : '';
  const sortOptions = query
    ? (['RELEVANCE', 'NEWEST', 'MOST_USED'] as const).map((value) => ({ value, label: t(`commons.sort.${value}`) }))
    : [
        { value: 'RELEVANCE' as const, label: t('commons.sort.NEWEST') },
        { value: 'MOST_USED' as const, label: t('commons.sort.MOST_USED') },
      ];
  const sortValue = !query && search.sort === 'NEWEST' ? 'RELEVANCE' : search.sort;

  return (
    <>
      <PageHeading>{t('commons.title')}</PageHeading>
      <div className="commons-intro">
        <p className="lead">{t('commons.intro', { network: network.name })}</p>
        <Link to={`/n/${network.slug}/commons/new`} className="button">
          {t('commons.share')}
        </Link>
      </div>
      <SearchBox value={search.q} onSearch={onSearch} />
      {/* The filters come first in the page; a keyboard goes from the search box to the results in one step. */}
      <a
        href={`#${resultsHeading}`}
        className="skip-to-results"
        onClick={(event) => {
          event.preventDefault();
          resultsHeadingRef.current?.focus();
        }}
      >
        {t('commons.results.skipTo')}
      </a>
      <div className="commons-layout">
        <SearchFilters
          search={search}
          facets={facets}
          onToggle={toggle}
          onChange={update}
          onClear={clearFilters}
          siteName={siteName}
        />
        <div className="commons-main">
          {browsing && <BookmarksPanel networkId={network.id} networkSlug={network.slug} />}
          <section aria-labelledby={resultsHeading} className="commons-results">
            <div className="commons-results__header">
              <h2 id={resultsHeading} ref={resultsHeadingRef} tabIndex={-1} className="commons-results__title">
                {browsing && resourcesOnly ? t('commons.results.browseTitle') : t('commons.results.title')}
              </h2>
              <div className="field field--inline commons-results__sort">
                <label htmlFor={`${resultsHeading}-sort`} className="field__label">
                  {t('commons.sort.label')}
                </label>
                <select
                  id={`${resultsHeading}-sort`}
                  className="field__control"
                  value={sortValue}
                  onChange={(event) => update({ sort: event.target.value as typeof search.sort })}
                >
                  {sortOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p role="status" className="results__count">
              {count}
            </p>
            <ActiveFilters search={search} facets={facets} siteName={siteName} onToggle={toggle} onChange={update} />
            {!answer && fetching && <Loading />}
            {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
            {answer && answer.totalCount === 0 && (
              <div className="panel commons-empty">
                <p className="commons-empty__title">
                  {query ? t('commons.empty.titleFor', { query }) : t('commons.empty.title')}
                </p>
                <p>{t('commons.empty.hint')}</p>
                <p className="button-row">
                  {filterCount(search) > 0 && (
                    <button type="button" className="button button--secondary" onClick={clearFilters}>
                      {t('commons.filters.clear')}
                    </button>
                  )}
                  <Link to={`/n/${network.slug}/commons/new`} className="button button--secondary">
                    {t('commons.empty.share')}
                  </Link>
                </p>
              </div>
            )}
            {answer && answer.totalCount > 0 && (
              <>
                <FirstResults answer={answer} networkSlug={network.slug} highlight={query !== ''} busy={fetching} />
                <MoreResults variables={variables} first={answer} networkSlug={network.slug} />
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
