import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider } from '../graphql/graphql-provider';

type Responder = (operationName: string, variables: Record<string, unknown>) => unknown;

/**
 * Stubs `fetch` so each GraphQL operation (by name) gets the answer `respond` gives, and returns
 * the calls made, as [operationName, variables].
 */
export function stubGraphql(respond: Responder) {
  const calls: [string, Record<string, unknown>][] = [];
  const fetchStub = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse((init?.body as string | undefined) ?? '{}') as {
      operationName: string;
      variables?: Record<string, unknown>;
    };
    calls.push([body.operationName, body.variables ?? {}]);
    return Promise.resolve(
      new Response(JSON.stringify(respond(body.operationName, body.variables ?? {})), {
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
