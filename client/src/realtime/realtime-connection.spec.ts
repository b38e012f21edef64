// @vitest-environment node
// Node's socket.io client speaks long-polling without a browser's CORS rules, like a same-origin page.
import { LIVE_NODE_KEY_PARAM } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeConnection } from './realtime-connection';
import { TestSocketServer } from './test-socket-server';

const connected = (connection: RealtimeConnection) =>
  new Promise<void>((resolve) => {
    if (connection.getStatus() === 'connected') return resolve();
    const unsubscribe = connection.onConnect(() => (unsubscribe(), resolve()));
  });

const keyOf = (url: string) => new URL(url, 'http://localhost').searchParams.get(LIVE_NODE_KEY_PARAM);

describe('RealtimeConnection: the key that keeps a connection on one app process behind the proxy', () => {
  let server: TestSocketServer;

  beforeAll(async () => {
    server = await TestSocketServer.start('user-1');
  });

  afterAll(async () => {
    await server.stop();
  });

  it("puts one random key on every request of its connection, long-polling included, and another on another tab's", async () => {
    const options = server.clientOptions();
    const open = () => new RealtimeConnection({ ...options, socket: { ...options.socket, transports: ['polling'] } });
    const first = open();
    const second = open();
    const before = server.requests.length;
    first.connect();
    await connected(first);
    // A few long-polling round trips: the server's events and the client's.
    server.toUser('notifications:unread', { networkId: 'n1', unreadCount: 1 });
    await new Promise((resolve) => first.socket.once('notifications:unread', resolve));
    // A client event goes up in a POST of its own; the test server does not answer it.
    await first.socket
      .timeout(200)
      .emitWithAck('probe')
      .catch(() => undefined);
    const firstRequests = server.requests.slice(before);
    second.connect();
    await connected(second);
    const secondRequests = server.requests.slice(before + firstRequests.length);
    first.close();
    second.close();

    expect(firstRequests.length).toBeGreaterThan(3);
    const firstKeys = new Set(firstRequests.map(keyOf));
    expect(firstKeys.size).toBe(1);
    const [key] = firstKeys;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(secondRequests.map(keyOf))).toEqual(new Set([expect.stringMatching(/^[0-9a-f]{32}$/)]));
    expect(secondRequests.map(keyOf)).not.toContain(key);
  });

  it('puts it on the WebSocket URL too', async () => {
    const connection = new RealtimeConnection(server.clientOptions());
    const before = server.requests.length;
    connection.connect();
    await connected(connection);
    connection.close();
    const upgrade = server.requests.slice(before).find((url) => url.includes('transport=websocket'));
    expect(keyOf(upgrade ?? '')).toMatch(/^[0-9a-f]{32}$/);
  });
});
