import { START_DATA_ELEMENT } from '@commons/shared';
import { describe, expect, it, vi } from 'vitest';
import { createGraphqlClient } from './client';
import { startData } from './start-data';

const Viewer = 'query Viewer {\n  me {\n    id\n    name\n  }\n}';
const NetworkScope = 'query NetworkScope($slug: String!) {\n  network(slug: $slug) {\n    id\n  }\n}';
const documents = { Viewer, NetworkScope };

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
      startData: startData(documents, element(answers)),
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
      startData: startData(documents, element(answers)),
    });

    const other = await client.query(NetworkScope, { slug: 'other' }).toPromise();
    expect(other.data).toEqual({ network: { id: 'n2' } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('ignores what it cannot use: no element, broken JSON, unknown queries, answers of the wrong shape', () => {
    expect(startData(documents, null)).toEqual({});
    expect(startData(documents, element('[{"query":'))).toEqual({});
    expect(startData(documents, element('{"query":"Viewer"}'))).toEqual({});
    expect(
      startData(
        documents,
        element(
          JSON.stringify([
            { query: 'Unknown', variables: {}, data: {} },
            { query: 'Viewer', variables: [], data: {} },
            { query: 'Viewer', variables: {}, data: null },
            { query: 'Viewer', variables: {}, data: 'me' },
            null,
          ]),
        ),
      ),
    ).toEqual({});
    expect(Object.keys(startData(documents, element(answers)))).toHaveLength(2);
  });
});
