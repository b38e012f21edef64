import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider } from '../graphql/graphql-provider';
import { stubGraphql } from '../test-support/render-app';
import { RealtimeProvider, useRealtimeConnected, useRealtimeStatus, useServerEvent } from './realtime-provider';
import { SessionEndedNotice, takeSessionEndedReason } from './session-ended';
import { TestSocketServer } from './test-socket-server';

const USER_ID = 'user-1';

const viewer = {
  id: USER_ID,
  name: 'Elin Sandberg',
  email: 'patient@demo.commons.test',
  pronouns: null,
  bio: '',
  interests: [],
  locale: 'en',
  memberships: [],
};

/** Answers the Viewer query: the member while `signedIn.value`, nobody afterwards. */
function stubViewer(signedIn: { value: boolean }) {
  return stubGraphql((operation) =>
    operation === 'Viewer' ? { data: { me: signedIn.value ? viewer : null } } : { data: null },
  );
}

function Probe() {
  const status = useRealtimeStatus();
  const [unread, setUnread] = useState<number | null>(null);
  const [connections, setConnections] = useState<string[]>([]);
  useServerEvent('notifications:unread', (payload) => setUnread(payload.unreadCount));
  useRealtimeConnected((info) => setConnections((list) => [...list, info.reconnected ? 'reconnected' : 'connected']));
  return (
    <dl>
      <dt>status</dt>
      <dd data-testid="status">{status}</dd>
      <dt>unread</dt>
      <dd data-testid="unread">{unread ?? 'none'}</dd>
      <dt>connections</dt>
      <dd data-testid="connections">{connections.join(',')}</dd>
    </dl>
  );
}

/** What the sign-in page (an entry of its own) shows on arrival: the reason the app left for it. */
function SignInNotice() {
  const [reason] = useState(takeSessionEndedReason);
  return <SessionEndedNotice reason={reason} />;
}

function renderWithServer(server: TestSocketServer, path = '/n/ibd/groups?x=1') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <GraphqlProvider>
        <ViewerProvider>
          <RealtimeProvider options={server.clientOptions()}>
            <Probe />
            <Routes>
              <Route
                path="/sign-in"
                element={
                  <>
                    <h1>Sign in</h1>
                    <SignInNotice />
                    <LocationProbe />
                  </>
                }
              />
              <Route path="*" element={<h1>Groups</h1>} />
            </Routes>
          </RealtimeProvider>
        </ViewerProvider>
      </GraphqlProvider>
    </MemoryRouter>,
  );
}

function LocationProbe() {
  return <p data-testid="search">{useLocation().search}</p>;
}

const status = () => screen.getByTestId('status').textContent;

describe('RealtimeProvider against a real socket.io server', () => {
  let server: TestSocketServer;

  beforeAll(async () => {
    server = await TestSocketServer.start(USER_ID);
  });

  afterEach(() => {
    server.sessionValid = true;
    vi.unstubAllGlobals();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('opens one connection for the signed-in member and hands typed events to useServerEvent', async () => {
    stubViewer({ value: true });
    const before = server.connections;
    const { unmount } = renderWithServer(server);
    await waitFor(() => expect(status()).toBe('connected'));
    expect(server.connections - before).toBe(1);
    expect(server.connectedCount()).toBe(1);

    server.toUser('notifications:unread', { networkId: 'n1', unreadCount: 4 });
    await waitFor(() => expect(screen.getByTestId('unread')).toHaveTextContent('4'));

    unmount();
    await waitFor(() => expect(server.connectedCount()).toBe(0));
  });

  it('opens no connection while nobody is signed in', async () => {
    const calls = stubViewer({ value: false });
    const before = server.connections;
    renderWithServer(server);
    await waitFor(() => expect(calls.map(([name]) => name)).toContain('Viewer'));
    expect(status()).toBe('idle');
    expect(server.connections).toBe(before);
  });

  it('reconnects by itself after the server restarts, and says it is a comeback so features catch up', async () => {
    stubViewer({ value: true });
    const { unmount } = renderWithServer(server);
    await waitFor(() => expect(status()).toBe('connected'));
    expect(screen.getByTestId('connections')).toHaveTextContent(/^connected$/);

    await server.restart();
    await waitFor(() => expect(screen.getByTestId('connections')).toHaveTextContent('connected,reconnected'));
    expect(status()).toBe('connected');

    server.toUser('notifications:unread', { networkId: 'n1', unreadCount: 7 });
    await waitFor(() => expect(screen.getByTestId('unread')).toHaveTextContent('7'));
    unmount();
  });

  it('signs the member out on this device, saying why, when her session is revoked elsewhere', async () => {
    const signedIn = { value: true };
    stubViewer(signedIn);
    renderWithServer(server, '/n/ibd/groups/g1');
    await waitFor(() => expect(status()).toBe('connected'));

    signedIn.value = false;
    server.endSession('revoked');

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByRole('status')).toHaveTextContent('This session was ended from another device');
    expect(screen.getByTestId('search')).toHaveTextContent(`?next=${encodeURIComponent('/n/ibd/groups/g1')}`);
    // The connection is closed for good once the app knows nobody is signed in.
    await waitFor(() => expect(status()).toBe('idle'));
    await waitFor(() => expect(server.connectedCount()).toBe(0));
  });

  it('keeps the member signed in when a membership ends: it reloads who she is and reconnects', async () => {
    const calls = stubViewer({ value: true });
    const { unmount } = renderWithServer(server);
    await waitFor(() => expect(status()).toBe('connected'));
    const viewerQueries = () => calls.filter(([name]) => name === 'Viewer').length;
    const before = viewerQueries();

    server.endSession('deactivated');

    await waitFor(() => expect(viewerQueries()).toBe(before + 1));
    await waitFor(() => expect(screen.getByTestId('connections')).toHaveTextContent('connected,reconnected'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Groups');
    unmount();
  });

  it('asks again who is signed in when the server refuses the handshake, and closes when nobody is', async () => {
    const signedIn = { value: true };
    const calls = stubViewer(signedIn);
    renderWithServer(server);
    await waitFor(() => expect(status()).toBe('connected'));

    // The session expires while the connection is down.
    server.sessionValid = false;
    signedIn.value = false;
    await server.restart();

    await waitFor(() => expect(calls.filter(([name]) => name === 'Viewer').length).toBeGreaterThan(1));
    await waitFor(() => expect(status()).toBe('idle'));
    expect(server.connectedCount()).toBe(0);
  });
});
