import type { ReactNode } from 'react';
import { type AnyVariables, type DocumentInput, type OperationContext, type RequestPolicy, useQuery } from 'urql';
import { Loading, QueryError } from './feedback';
import { usePageFocus } from './use-page-focus';
import { useShowMore } from './use-show-more';

/** One page of a connection, as every paged list query answers. */
export interface Connection<Node> {
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
  nodes: readonly Node[];
}

/** Where an item's link goes, so a page asked for with "Show more" can move focus to its first item. */
export type FirstLinkRef = ((element: HTMLAnchorElement | null) => void) | undefined;

interface PagedListProps<Data, Variables extends AnyVariables, Node> {
  /** The id of the list's (visually hidden) heading. */
  id: string;
  heading: string;
  query: DocumentInput<Data, Variables>;
  /** The query's variables but the cursor (`after`). */
  variables: Omit<Variables, 'after'>;
  connection: (data: Data) => Connection<Node> | undefined;
  context?: Partial<OperationContext>;
  requestPolicy?: RequestPolicy;
  /** What the live status line says once the first page has loaded. */
  countText: (shown: number, total: number) => string;
  showMoreLabel: string;
  listClassName: string;
  renderItem: (node: Node, firstLink: FirstLinkRef) => ReactNode;
}

/**
 * A list loaded page after page: a status line with the count, the pages asked for so far, and
 * "Show more", which appends the next page and moves focus to its first item. Give it a `key` per
 * filter so a new filter starts from the first page.
 */
export function PagedList<Data, Variables extends AnyVariables, Node>(props: PagedListProps<Data, Variables, Node>) {
  const { id, heading, countText } = props;
  const { cursors, total, shown, loaded, more } = useShowMore();
  return (
    <section aria-labelledby={id} className="results">
      <h2 id={id} className="visually-hidden">
        {heading}
      </h2>
      <p role="status" className="results__count">
        {total === null ? '' : countText(shown, total)}
      </p>
      {cursors.map((after, index) => (
        <ListPage
          key={after ?? 'first'}
          {...props}
          after={after}
          focusFirst={index > 0}
          isLast={index === cursors.length - 1}
          onLoaded={loaded(index)}
          onMore={more}
        />
      ))}
    </section>
  );
}

interface ListPageProps<Data, Variables extends AnyVariables, Node> extends PagedListProps<Data, Variables, Node> {
  after: string | null;
  focusFirst: boolean;
  isLast: boolean;
  onLoaded: (count: number, totalCount: number) => void;
  onMore: (cursor: string) => void;
}

function ListPage<Data, Variables extends AnyVariables, Node>(props: ListPageProps<Data, Variables, Node>) {
  const {
    query,
    variables,
    after,
    connection,
    context,
    requestPolicy,
    listClassName,
    renderItem,
    showMoreLabel,
    focusFirst,
    isLast,
    onLoaded,
    onMore,
  } = props;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query,
    variables: { ...variables, after } as unknown as Variables,
    context,
    requestPolicy,
  });
  const page = data ? connection(data) : undefined;
  const firstLink = usePageFocus(page, focusFirst, onLoaded);

  if (!page) {
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }
  const endCursor = page.pageInfo.endCursor;
  return (
    <>
      {page.nodes.length > 0 && (
        <ul className={listClassName}>
          {page.nodes.map((node, i) => renderItem(node, i === 0 ? (el) => void (firstLink.current = el) : undefined))}
        </ul>
      )}
      {isLast && page.pageInfo.hasNextPage && endCursor && (
        <p className="results__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(endCursor)}>
            {showMoreLabel}
          </button>
        </p>
      )}
    </>
  );
}
