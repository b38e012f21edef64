import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql';
import type { ResourceCardFieldsFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { HighlightedText, type TextSegment } from './highlighted-text';

graphql(`
  fragment ResourceCardFields on Resource {
    id
    title
    kind
    summary
    tags
    createdAt
    useCount
    helpfulCount
    hidden
    site {
      id
      name
    }
    author {
      userId
      name
    }
  }
`);

interface ResourceCardProps {
  resource: ResourceCardFieldsFragment;
  networkSlug: string;
  /** The title with the words that matched a search marked. */
  title?: readonly TextSegment[];
  /** A passage around the matching words, shown instead of the summary. */
  snippet?: readonly TextSegment[];
  linkRef?: Ref<HTMLAnchorElement>;
}

/** One resource in a list: what it is, where it is from, and how much it is used. */
export function ResourceCard({ resource, networkSlug, title, snippet, linkRef }: ResourceCardProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const location = useLocation();
  // From a search, "back to the commons" on the resource's page returns to that search.
  const state = location.pathname === `/n/${networkSlug}/commons` ? { commonsSearch: location.search } : undefined;
  const hasSnippet = snippet && snippet.some((segment) => segment.text.trim());
  return (
    <li className="resource-card">
      <p className="resource-card__kind">
        <span className={`kind-badge kind-badge--${resource.kind.toLowerCase()}`}>
          {t(`commons.kind.${resource.kind}`)}
        </span>
        {resource.hidden && <span className="badge badge--revoked">{t('commons.resource.hiddenBadge')}</span>}
      </p>
      <h3 className="resource-card__title">
        <Link to={`/n/${networkSlug}/commons/${resource.id}`} state={state} ref={linkRef}>
          {title ? <HighlightedText segments={title} /> : resource.title}
        </Link>
      </h3>
      {hasSnippet ? (
        <p className="resource-card__snippet">
          <HighlightedText segments={snippet} />
        </p>
      ) : (
        resource.summary && <p className="resource-card__snippet">{resource.summary}</p>
      )}
      <p className="resource-card__meta">
        {[
          resource.site?.name ?? t('commons.resource.anySite'),
          resource.author.name,
          formatDate(resource.createdAt),
        ].join(' · ')}
      </p>
      <p className="resource-card__counts">
        {t('commons.resource.usedBySites', { count: resource.useCount })}
        {' · '}
        {t('commons.resource.helpfulCount', { count: resource.helpfulCount })}
      </p>
      {resource.tags.length > 0 && (
        <ul className="tags" aria-label={t('commons.resource.tags')}>
          {resource.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
