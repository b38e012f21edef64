import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider } from '../graphql/graphql-provider';

type Responder = (operationName: string, variables: Record<string, unknown>) => unknown;

interface Sent {
  operationName: string;
  variables?: Record<string, unknown>;
}

/**
 * Stubs `fetch` so each GraphQL operation (by name) gets the answer `respond` gives, and returns
 * the calls made, as [operationName, variables]. Queries sent together (a JSON array) get their
 * answers together, in order, as the server gives them.
 */
export function stubGraphql(respond: Responder) {
  const calls: [string, Record<string, unknown>][] = [];
  const answer = (sent: Sent) => {
    calls.push([sent.operationName, sent.variables ?? {}]);
    return respond(sent.operationName, sent.variables ?? {});
  };
  const fetchStub = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse((init?.body as string | undefined) ?? '{}') as Sent | Sent[];
    return Promise.resolve(
      new Response(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

/** Renders `ui` inside the app's providers at `path`. */
export function renderInApp(ui: ReactNode, path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <GraphqlProvider>
        <ViewerProvider>{ui}</ViewerProvider>
      </GraphqlProvider>
    </MemoryRouter>,
  );
}
