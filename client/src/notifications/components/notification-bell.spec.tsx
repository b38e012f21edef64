import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ViewerProvider } from '../../auth/viewer';
import { GraphqlProvider } from '../../graphql/graphql-provider';
import { RealtimeProvider, useRealtimeStatus } from '../../realtime/realtime-provider';
import { TestSocketServer } from '../../realtime/test-socket-server';
import { stubGraphql } from '../../test-support/render-app';
import { NotificationBell } from './notification-bell';

const USER_ID = 'user-1';
const viewer = {
  id: USER_ID,
  name: 'Grace O’Connell',
  email: 'family@demo.commons.test',
  pronouns: null,
  bio: '',
  interests: [],
  locale: 'en',
  memberships: [],
};

/** The server's answers: the viewer, and the unread count it holds now. */
function stubServer(unread: { count: number }) {
  return stubGraphql((operation) => {
    if (operation === 'Viewer') return { data: { me: viewer } };
    if (operation === 'UnreadNotificationCount') return { data: { unreadNotificationCount: unread.count } };
    return { data: null };
  });
}

function Status() {
  return <p data-testid="status">{useRealtimeStatus()}</p>;
}

function renderBell(server: TestSocketServer) {
  return render(
    <MemoryRouter initialEntries={['/n/ibd']}>
      <GraphqlProvider>
        <ViewerProvider>
          <RealtimeProvider options={server.clientOptions()}>
            <Status />
            <NotificationBell networkId="n1" slug="ibd" />
          </RealtimeProvider>
        </ViewerProvider>
      </GraphqlProvider>
    </MemoryRouter>,
  );
}

const bell = () => screen.getByRole('link', { name: /^Notifications/ });
const announcement = () => screen.getByRole('status').textContent;

describe('NotificationBell, live from a real socket.io server', () => {
  let server: TestSocketServer;

  beforeAll(async () => {
    server = await TestSocketServer.start(USER_ID);
  });

  afterEach(() => vi.unstubAllGlobals());

  afterAll(async () => {
    await server.stop();
  });

  it('shows the unread count, raises it when a notice arrives and announces that once, politely', async () => {
    stubServer({ count: 2 });
    renderBell(server);
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 2 unread'));
    expect(bell()).toHaveAttribute('href', '/n/ibd/notifications');
    expect(announcement()).toBe('');
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));

    server.toUser('notification:new', {
      networkId: 'n1',
      unreadCount: 3,
      kind: 'GROUP_INVITE',
      subjectType: 'GROUP',
      subjectId: 'g1',
    });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 3 unread'));
    expect(bell().querySelector('.bell__badge')).toHaveTextContent('3');
    expect(announcement()).toBe('New notification. You have 3 unread.');
  });

  it('follows reading elsewhere without announcing it, and ignores other networks', async () => {
    stubServer({ count: 2 });
    renderBell(server);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 2 unread'));

    server.toUser('notification:new', {
      networkId: 'other',
      unreadCount: 40,
      kind: 'MENTION',
      subjectType: 'MESSAGE',
      subjectId: 'm1',
    });
    server.toUser('notifications:unread', { networkId: 'n1', unreadCount: 0 });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications'));
    expect(bell().querySelector('.bell__badge')).toBeNull();
    expect(announcement()).toBe('');
  });

  it('asks for the count again after the connection comes back, since events sent meanwhile are lost', async () => {
    const unread = { count: 1 };
    const calls = stubServer(unread);
    renderBell(server);
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('connected'));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 1 unread'));

    await server.stop();
    // A notice arrives while this tab is offline: only the database knows.
    unread.count = 5;
    await server.startAgain();

    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 5 unread'));
    expect(calls.filter(([name]) => name === 'UnreadNotificationCount').length).toBeGreaterThan(1);
  });
});
