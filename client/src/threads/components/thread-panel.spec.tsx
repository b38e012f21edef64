import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireViewer } from '../../auth/components/require-viewer';
import { ViewerProvider } from '../../auth/viewer';
import { GraphqlProvider } from '../../graphql/graphql-provider';
import { NetworkScope } from '../../networks/network-context';
import { RealtimeProvider } from '../../realtime/realtime-provider';
import { TestSocketServer } from '../../realtime/test-socket-server';
import { stubGraphql } from '../../test-support/render-app';
import { ThreadGatewayDouble } from '../test-thread-gateway';
import { ThreadPanel } from './thread-panel';

const ME = { userId: 'user-elin', name: 'Elin Sandberg' };
const AMIRA = { userId: 'user-amira', name: 'Amira Haddad' };
const THREAD = 'thread-1';
const NETWORK = {
  id: 'network-1',
  slug: 'ibd',
  name: 'NorthStar',
  description: '',
  startedOn: '2025-01-01',
  sites: [],
};
const WAIT = { timeout: 5000 };

const viewer = {
  id: ME.userId,
  name: ME.name,
  email: 'patient@demo.commons.test',
  pronouns: null,
  bio: '',
  interests: [],
  locale: 'en',
  memberships: [
    {
      id: 'membership-1',
      role: 'PATIENT_PARTNER',
      active: true,
      joinedAt: '2025-01-01T00:00:00.000Z',
      site: null,
      siteRequest: null,
      network: { id: NETWORK.id, slug: NETWORK.slug, name: NETWORK.name, sites: [] },
    },
  ],
};

const ROLES: Record<string, string> = { [ME.userId]: 'PATIENT_PARTNER', [AMIRA.userId]: 'CLINICIAN' };

const node = ({ prevSeq: _prevSeq, ...m }: ThreadGatewayDouble['messages'][number]) => ({ ...m, replies: [] });

/**
 * The GraphQL side: who is signed in, the network, members' roles, and the thread's history as
 * the double holds it, in pages of `pageSize` top-level messages (newest page first).
 */
function stubApi(gateway: ThreadGatewayDouble, pageSize = 30) {
  const page = (before: string | null) => {
    const older = gateway.messages.filter((m) => before === null || BigInt(m.seq) < BigInt(before));
    const nodes = older.slice(-pageSize).map(node);
    return { nodes, hasMore: older.length > pageSize, beforeCursor: nodes[0]?.seq ?? null };
  };
  return stubGraphql((operation, variables) => {
    switch (operation) {
      case 'Viewer':
        return { data: { me: viewer } };
      case 'NetworkScope':
        return { data: { network: NETWORK } };
      case 'ThreadPanel':
        return {
          data: {
            thread: {
              id: THREAD,
              networkId: NETWORK.id,
              lastReadSeq: '0',
              unreadCount: 0,
              viewerCanPost: true,
              viewerCanModerate: false,
              messages: page(null),
            },
          },
        };
      case 'ThreadEarlier':
        return { data: { thread: { id: THREAD, messages: page(variables.before as string) } } };
      case 'ThreadMember': {
        const userId = variables.userId as string;
        return {
          data: {
            member: {
              id: `m-${userId}`,
              userId,
              name: userId === ME.userId ? ME.name : AMIRA.name,
              role: ROLES[userId],
            },
          },
        };
      }
      default:
        return { data: null, errors: [{ message: `unexpected ${operation}` }] };
    }
  });
}

function renderPanel(server: TestSocketServer) {
  return render(
    <MemoryRouter initialEntries={['/n/ibd']}>
      <GraphqlProvider>
        <ViewerProvider>
          <RealtimeProvider options={server.clientOptions()}>
            <Routes>
              <Route element={<RequireViewer />}>
                <Route path="/n/:slug" element={<NetworkScope />}>
                  <Route index element={<ThreadPanel subjectType="CHANGE_IDEA" subjectId="idea-1" />} />
                </Route>
              </Route>
            </Routes>
          </RealtimeProvider>
        </ViewerProvider>
      </GraphqlProvider>
    </MemoryRouter>,
  );
}

describe('ThreadPanel', () => {
  let server: TestSocketServer;
  let gateway: ThreadGatewayDouble;

  beforeEach(async () => {
    server = await TestSocketServer.start(ME.userId);
    gateway = new ThreadGatewayDouble(THREAD, ME);
    gateway.attach(server.io);
  });

  afterEach(async () => {
    vi.unstubAllGlobals();
    await server.stop();
  });

  /** Renders the panel and waits until the thread is live (the member shows as here). */
  async function openPanel(pageSize?: number) {
    stubApi(gateway, pageSize);
    const view = renderPanel(server);
    await screen.findByText(`${ME.name} (you)`, { selector: '.thread-presence__name' }, WAIT);
    return view;
  }

  const messageLog = () => screen.getByRole('log', { name: 'Discussion' });
  const announcer = () => screen.getByRole('log', { name: 'New messages, read aloud' });

  it("shows the history with each author's role, patients and families marked out", async () => {
    gateway.post(server.io, AMIRA, 'Shall we test it at Riverside?');
    gateway.post(server.io, ME, 'Yes, on Mondays.');
    await openPanel();
    const [first, second] = within(messageLog()).getAllByRole('article');
    expect(first).toHaveAccessibleName(/^Message from Amira Haddad, /);
    await waitFor(() => expect(within(first).getByText('Clinician')).toBeInTheDocument(), WAIT);
    expect(within(first).getByText('Clinician')).not.toHaveClass('role-badge--lived');
    await waitFor(() => expect(within(second).getByText('Patient partner')).toBeInTheDocument(), WAIT);
    expect(within(second).getByText('Patient partner').closest('.role-badge')).toHaveClass('role-badge--lived');
    expect(within(second).getByText(`${ME.name} (you)`)).toBeInTheDocument();
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and shows the stored message once', async () => {
    const user = userEvent.setup();
    await openPanel();
    const box = screen.getByLabelText('Write a message');
    expect(box).toHaveAccessibleDescription(
      'Press Enter to send, or Shift+Enter for a new line. Type @ and a name to mention someone.',
    );
    await user.type(box, 'First line{Shift>}{Enter}{/Shift}second line');
    expect(box).toHaveValue('First line\nsecond line');
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('');
    await waitFor(() => expect(gateway.messages.map((m) => m.body)).toEqual(['First line\nsecond line']), WAIT);
    await waitFor(() => expect(within(messageLog()).queryByText('Sending…')).not.toBeInTheDocument(), WAIT);
    expect(within(messageLog()).getAllByRole('article')).toHaveLength(1);
    expect(box).toHaveFocus();
  });

  it('announces a message from someone else politely, without moving focus', async () => {
    const user = userEvent.setup();
    await openPanel();
    const box = screen.getByLabelText('Write a message');
    await user.click(box);
    gateway.post(server.io, AMIRA, 'Thanks, Elin!');
    await within(messageLog()).findByText('Thanks, Elin!', {}, WAIT);
    expect(announcer()).toHaveTextContent('Amira Haddad wrote: Thanks, Elin!');
    expect(box).toHaveFocus();
  });

  it('loads earlier messages above on request, each once, until there are none', async () => {
    const user = userEvent.setup();
    for (let i = 1; i <= 5; i++) gateway.post(server.io, AMIRA, `message ${i}`);
    await openPanel(2);
    const bodies = () =>
      within(messageLog())
        .getAllByRole('article')
        .map((a) => a.querySelector('.message__body')?.textContent);
    expect(bodies()).toEqual(['message 4', 'message 5']);
    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    await waitFor(() => expect(bodies()).toEqual(['message 2', 'message 3', 'message 4', 'message 5']), WAIT);
    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    await waitFor(
      () => expect(bodies()).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5']),
      WAIT,
    );
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).not.toBeInTheDocument();
    // Live messages still come after them.
    gateway.post(server.io, AMIRA, 'message 6');
    await waitFor(() => expect(bodies()).toHaveLength(6), WAIT);
  });

  it('says plainly when the member sends too quickly, and sends the same message again on Try again', async () => {
    const user = userEvent.setup();
    await openPanel();
    gateway.refuseNextSends.push({ code: 'TOO_MANY_REQUESTS', message: 'Too many messages.', retryAfterSeconds: 6 });
    await user.type(screen.getByLabelText('Write a message'), 'One more thing{Enter}');
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent("Not sent. You're sending messages quickly — wait 6 seconds, then try again.");
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), WAIT);
    expect(gateway.sendAttempts).toHaveLength(2);
    expect(new Set(gateway.sendAttempts).size).toBe(1);
    expect(within(messageLog()).getByText('One more thing')).toBeInTheDocument();
  });

  it('says it is reconnecting while the connection is down, and that it is back once caught up', async () => {
    await openPanel();
    await server.stop();
    await screen.findByText(/^Reconnecting…/, { selector: '[role="status"]' }, WAIT);
    gateway.post(server.io, AMIRA, 'Written while you were away', { broadcast: false });
    await server.restart();
    gateway.attach(server.io);
    await screen.findByText("Back online. You're up to date.", {}, WAIT);
    expect(within(messageLog()).getByText('Written while you were away')).toBeInTheDocument();
    expect(announcer()).toHaveTextContent('1 new message came in while you were away.');
  });
});
