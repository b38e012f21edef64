import { START_DATA_ELEMENT } from '@commons/shared';
import { describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from './client';
import { startAnswers } from './start-data';

const Viewer = 'query Viewer {\n  me {\n    id\n    name\n  }\n}';
const NetworkScope = 'query NetworkScope($slug: String!) {\n  network(slug: $slug) {\n    id\n  }\n}';
const IdeaPage =
  'query IdeaPage($id: ID!, $networkId: ID!) {\n  changeIdea(id: $id, networkId: $networkId) {\n    id\n  }\n}';

/** The element the server puts into a page, holding `text`. */
function element(text: string): Element {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = START_DATA_ELEMENT;
  script.textContent = text;
  return script;
}

function respondWith(body: unknown) {
  return vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })),
  );
}

describe('the answers the server put into the page', () => {
  const answers = JSON.stringify([
    { query: 'Viewer', variables: {}, data: { me: { id: 'u1', name: 'Ada' } } },
    { query: 'NetworkScope', variables: { slug: 'ibd' }, data: { network: { id: 'n1' } } },
  ]);

  it('answers every query for each while the app starts, without a request; once it has started, the server', async () => {
    const fetch = respondWith({ data: { me: { id: 'u1', name: 'Ada Lovelace' } } });
    const given = startAnswers(element(answers));
    const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch, startAnswers: given });

    const viewer = await client.query(Viewer, {}).toPromise();
    expect(viewer.data).toEqual({ me: { id: 'u1', name: 'Ada' } });
    // As a component mounts, urql asks a cache-and-network query again to refresh it: the page answers.
    const refreshed = await client.query(Viewer, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(refreshed.data).toEqual({ me: { id: 'u1', name: 'Ada' } });
    expect(fetch).not.toHaveBeenCalled();

    given.startedUp();
    const again = await client.query(Viewer, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(again.data).toEqual({ me: { id: 'u1', name: 'Ada Lovelace' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    // An answer no query used while the app started answers the first that asks for it, once.
    const network = () => client.query(NetworkScope, { slug: 'ibd' }, { requestPolicy: 'network-only' }).toPromise();
    expect((await network()).data).toEqual({ network: { id: 'n1' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    await network();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks the server for a query whose variables differ from those answered', async () => {
    const fetch = respondWith({ data: { network: { id: 'n2' } } });
    const client = createGraphqlClient({
      url: 'http://commons.test/graphql',
      fetch,
      startAnswers: startAnswers(element(answers)),
    });

    const other = await client.query(NetworkScope, { slug: 'other' }).toPromise();
    expect(other.data).toEqual({ network: { id: 'n2' } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("answers a page's own query whatever the order of its variables, asked as a component mounts", async () => {
    const fetch = respondWith({ data: { changeIdea: { id: 'i1', fresh: true } } });
    const given = startAnswers(
      element(
        JSON.stringify([
          { query: 'IdeaPage', variables: { networkId: 'n1', id: 'i1' }, data: { changeIdea: { id: 'i1' } } },
        ]),
      ),
    );
    const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch, startAnswers: given });
    const ask = () =>
      client.query(IdeaPage, { id: 'i1', networkId: 'n1' }, { requestPolicy: 'cache-and-network' }).toPromise();

    // Rendered, then subscribed: the second finds the first in the cache and refreshes it, from the page.
    expect((await ask()).data).toEqual({ changeIdea: { id: 'i1' } });
    expect((await ask()).data).toEqual({ changeIdea: { id: 'i1' } });
    await Promise.resolve();
    expect(fetch).not.toHaveBeenCalled();
    // Another idea: the server.
    await client.query(IdeaPage, { id: 'i2', networkId: 'n1' }).toPromise();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops answering from the page once she changes something: the answers may no longer hold', async () => {
    const fetch = respondWith({ data: { me: { id: 'u1', name: 'Ada Lovelace' } } });
    const client = createGraphqlClient({
      url: 'http://commons.test/graphql',
      fetch,
      startAnswers: startAnswers(element(answers)),
    });

    await client.query(Viewer, {}).toPromise();
    await client.mutation('mutation UpdateProfile { updateProfile { id } }', {}).toPromise();
    const after = await client.query(Viewer, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(after.data).toEqual({ me: { id: 'u1', name: 'Ada Lovelace' } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('ignores what it cannot use: no element, broken JSON, answers of the wrong shape', () => {
    expect(startAnswers(null).size).toBe(0);
    expect(startAnswers(element('[{"query":')).size).toBe(0);
    expect(startAnswers(element('{"query":"Viewer"}')).size).toBe(0);
    expect(
      startAnswers(
        element(
          JSON.stringify([
            { query: 7, variables: {}, data: {} },
            { query: 'Viewer', variables: [], data: {} },
            { query: 'Viewer', variables: {}, data: null },
            { query: 'Viewer', variables: {}, data: 'me' },
            null,
          ]),
        ),
      ).size,
    ).toBe(0);
    expect(startAnswers(element(answers)).size).toBe(2);
  });
});
