import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'graphql';
import type { DocumentInput } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../test-support/render-app';
import { PagedList } from './paged-list';

interface Thing {
  id: string;
  name: string;
}
interface ThingsData {
  things: {
    __typename: 'ThingConnection';
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: (Thing & { __typename: 'Thing' })[];
  };
}

// Not a query of the app's schema: parsed here, so code generation does not read it.
const ThingsDocument = parse(`
  query Things($kind: String!, $first: Int!, $after: String) {
    things(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        name
      }
    }
  }
`) as DocumentInput<ThingsData, { kind: string; first: number; after?: string | null }>;

const thing = (n: number) => ({ __typename: 'Thing' as const, id: `t${n}`, name: `Thing ${n}` });
const page = (after: unknown) =>
  after === 'c2'
    ? {
        things: {
          __typename: 'ThingConnection',
          totalCount: 3,
          pageInfo: { __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false },
          nodes: [thing(3)],
        },
      }
    : {
        things: {
          __typename: 'ThingConnection',
          totalCount: 3,
          pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: true },
          nodes: [thing(1), thing(2)],
        },
      };

function Things() {
  return (
    <PagedList
      id="things"
      heading="Things"
      query={ThingsDocument}
      variables={{ kind: 'odd', first: 2 }}
      connection={(data) => data.things}
      countText={(shown, total) => `Showing ${shown} of ${total}`}
      showMoreLabel="Show more things"
      listClassName="things"
      renderItem={(node, firstLink) => (
        <li key={node.id}>
          <a href={`#${node.id}`} ref={firstLink}>
            {node.name}
          </a>
        </li>
      )}
    />
  );
}

describe('PagedList', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the count, appends the next page on "Show more" and moves focus to its first item', async () => {
    const calls = stubGraphql((name, variables) =>
      name === 'Things' ? { data: page(variables.after) } : { data: { me: null } },
    );
    renderInApp(<Things />);

    expect(await screen.findByRole('link', { name: 'Thing 2' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 3'));
    await userEvent.click(screen.getByRole('button', { name: 'Show more things' }));

    await waitFor(() => expect(screen.getByRole('link', { name: 'Thing 3' })).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('Showing 3 of 3');
    expect(screen.queryByRole('button', { name: 'Show more things' })).toBeNull();
    expect(calls.filter(([name]) => name === 'Things').map(([, variables]) => variables)).toEqual([
      { kind: 'odd', first: 2, after: null },
      { kind: 'odd', first: 2, after: 'c2' },
    ]);
  });
});
