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

  it('answers the first query of each, once, without a request; the next asks the server', async () => {
    const fetch = respondWith({ data: { me: { id: 'u1', name: 'Ada Lovelace' } } });
    const client = createGraphqlClient({
      url: 'http://commons.test/graphql',
      fetch,
      startAnswers: startAnswers(element(answers)),
    });

    const viewer = await client.query(Viewer, {}).toPromise();
    const network = await client.query(NetworkScope, { slug: 'ibd' }).toPromise();
    expect(viewer.data).toEqual({ me: { id: 'u1', name: 'Ada' } });
    expect(network.data).toEqual({ network: { id: 'n1' } });
    expect(fetch).not.toHaveBeenCalled();

    const again = await client.query(Viewer, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(again.data).toEqual({ me: { id: 'u1', name: 'Ada Lovelace' } });
    expect(fetch).toHaveBeenCalledTimes(1);
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

  it("answers a page's own query whatever the order of its variables, even one that would also ask the network", async () => {
    const fetch = respondWith({ data: { changeIdea: { id: 'i1', fresh: true } } });
    const client = createGraphqlClient({
      url: 'http://commons.test/graphql',
      fetch,
      startAnswers: startAnswers(
        element(
          JSON.stringify([
            { query: 'IdeaPage', variables: { networkId: 'n1', id: 'i1' }, data: { changeIdea: { id: 'i1' } } },
          ]),
        ),
      ),
    });

    const idea = await client
      .query(IdeaPage, { id: 'i1', networkId: 'n1' }, { requestPolicy: 'cache-and-network' })
      .toPromise();
    expect(idea.data).toEqual({ changeIdea: { id: 'i1' } });
    expect(fetch).not.toHaveBeenCalled();
    // Another idea, or the same one asked again for fresh: the server.
    await client.query(IdeaPage, { id: 'i2', networkId: 'n1' }).toPromise();
    await client.query(IdeaPage, { id: 'i1', networkId: 'n1' }, { requestPolicy: 'network-only' }).toPromise();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('while the app starts, reads what the page answered from the cache rather than asking again; then asks', async () => {
    const idea = JSON.stringify([
      { query: 'IdeaPage', variables: { id: 'i1', networkId: 'n1' }, data: { changeIdea: { id: 'i1' } } },
    ]);
    const variables = { id: 'i1', networkId: 'n1' };
    const ask = (client: ReturnType<typeof createGraphqlClient>) =>
      client.query(IdeaPage, variables, { requestPolicy: 'cache-and-network' }).toPromise();
    for (const startUpEnds of ['the first page is drawn', 'she changes something'] as const) {
      const fetch = respondWith({ data: { changeIdea: { id: 'i1', fresh: true } } });
      const answers = startAnswers(element(idea));
      const client = createGraphqlClient({ url: 'http://commons.test/graphql', fetch, startAnswers: answers });

      // As a component mounts, urql asks twice: as it renders, and as it subscribes.
      expect((await ask(client)).data).toEqual({ changeIdea: { id: 'i1' } });
      expect((await ask(client)).data).toEqual({ changeIdea: { id: 'i1' } });
      expect(fetch, startUpEnds).not.toHaveBeenCalled();
      // Asked for fresh (a retry, an event saying it changed): the server, even now.
      await client.query(IdeaPage, variables, { requestPolicy: 'network-only' }).toPromise();
      expect(fetch, startUpEnds).toHaveBeenCalledTimes(1);

      if (startUpEnds === 'the first page is drawn') answers.startedUp();
      else await client.mutation('mutation Endorse { endorse { id } }', {}).toPromise();
      const callsBefore = fetch.mock.calls.length;
      await ask(client);
      await vi.waitFor(() => expect(fetch.mock.calls.length, startUpEnds).toBe(callsBefore + 1));
    }
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
