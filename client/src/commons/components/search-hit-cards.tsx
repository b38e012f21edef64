import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupHitFieldsFragment, IdeaHitFieldsFragment } from '../../gql/graphql';
import { graphql } from '../../gql';
import { HighlightedText, type TextSegment } from './highlighted-text';

graphql(`
  fragment IdeaHitFields on ChangeIdea {
    id
    title
    status
  }
`);

graphql(`
  fragment GroupHitFields on WorkingGroup {
    id
    name
    visibility
    archived
  }
`);

interface HitCardProps {
  networkSlug: string;
  /** The title with the matching words marked (a query was typed). */
  title?: readonly TextSegment[];
  snippet: readonly TextSegment[];
  linkRef?: React.Ref<HTMLAnchorElement>;
}

function Snippet({ snippet }: { snippet: readonly TextSegment[] }) {
  if (!snippet.some((segment) => segment.text.trim())) return null;
  return (
    <p className="resource-card__snippet">
      <HighlightedText segments={snippet} />
    </p>
  );
}

/** A change idea found by the search: its type, status, title (linked) and a passage. */
export function IdeaHitCard({
  idea,
  networkSlug,
  title,
  snippet,
  linkRef,
}: HitCardProps & { idea: IdeaHitFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <li className="resource-card search-hit search-hit--idea">
      <p className="resource-card__kind">
        <span className="kind-badge kind-badge--idea">{t('commons.searchType.CHANGE_IDEA_ONE')}</span>{' '}
        <span className="badge">{t(`ideas.status.${idea.status}`)}</span>
      </p>
      <h3 className="resource-card__title">
        <Link to={`/n/${networkSlug}/ideas/${idea.id}`} ref={linkRef}>
          {title ? <HighlightedText segments={title} /> : idea.title}
        </Link>
      </h3>
      <Snippet snippet={snippet} />
    </li>
  );
}

/** A working group found by the search: its type, whether it is open, its name (linked) and a passage of its purpose. */
export function GroupHitCard({
  group,
  networkSlug,
  title,
  snippet,
  linkRef,
}: HitCardProps & { group: GroupHitFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <li className="resource-card search-hit search-hit--group">
      <p className="resource-card__kind">
        <span className="kind-badge kind-badge--group">{t('commons.searchType.GROUP_ONE')}</span>{' '}
        <span className="badge">{t(`groups.visibility.${group.visibility}`)}</span>
        {group.archived && (
          <>
            {' '}
            <span className="badge">{t('commons.hit.archived')}</span>
          </>
        )}
      </p>
      <h3 className="resource-card__title">
        <Link to={`/n/${networkSlug}/groups/${group.id}`} ref={linkRef}>
          {title ? <HighlightedText segments={title} /> : group.name}
        </Link>
      </h3>
      <Snippet snippet={snippet} />
    </li>
  );
}
