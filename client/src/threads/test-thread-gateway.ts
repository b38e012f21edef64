import { compareSeq, type MessageNewPayload, type ThreadMessagePayload } from '@commons/shared';
import type { Server, Socket } from 'socket.io';

type Ack = (answer: unknown) => void;

/**
 * The server side of live threads for client tests, speaking the app's protocol (events, acks,
 * seq/prevSeq, clientId idempotency, sender excluded from its own broadcast) over a real
 * socket.io server, with the thread kept in memory so it survives a restart of that server. The
 * real gateway is exercised end to end in client/e2e/threads.e2e.ts.
 */
export class ThreadGatewayDouble {
  readonly messages: MessageNewPayload[] = [];
  /** Every clientId `message:send` was called with, retries included. */
  readonly sendAttempts: string[] = [];
  /** Acks to give the next sends instead of storing them. */
  readonly refuseNextSends: { code: string; message: string; retryAfterSeconds?: number }[] = [];
  /** The lastSeenSeq of each join, in order. */
  readonly joinedFrom: (string | null)[] = [];
  private seq = 100;

  constructor(
    readonly threadId: string,
    private readonly member: { userId: string; name: string },
  ) {}

  /** Serves the thread on `io` (again after each restart of the test server). */
  attach(io: Server): void {
    io.on('connection', (socket) => this.serve(socket));
  }

  /** Someone else writes: stored, then sent to the room, unless `broadcast` is false (a lost event). */
  post(
    io: Server,
    author: { userId: string; name: string },
    body: string,
    options: { broadcast?: boolean; parentId?: string } = {},
  ): MessageNewPayload {
    const message = this.store(author, body, `other-${this.seq}`, options.parentId ?? null);
    if (options.broadcast !== false) io.to(this.room).emit('message:new', message);
    return message;
  }

  private get room() {
    return `thread:${this.threadId}`;
  }

  private store(
    author: { userId: string; name: string },
    body: string,
    clientId: string,
    parentId: string | null,
  ): MessageNewPayload {
    const prevSeq = this.messages.at(-1)?.seq ?? '0';
    // Seqs are platform-wide: they grow within a thread but skip values.
    this.seq += 3;
    const message: MessageNewPayload = {
      id: `message-${this.seq}`,
      threadId: this.threadId,
      seq: String(this.seq),
      prevSeq,
      parentId,
      author,
      body,
      bodyHtml: `<p>${body}</p>`,
      clientId,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString(),
      editedAt: null,
      deletedAt: null,
      deleted: false,
      reactions: [],
    };
    this.messages.push(message);
    return message;
  }

  private after(seq: string, limit = 100): { messages: ThreadMessagePayload[]; hasMore: boolean } {
    const later = this.messages.filter((m) => compareSeq(m.seq, seq) > 0);
    return { messages: later.slice(0, limit).map(({ prevSeq: _prevSeq, ...m }) => m), hasMore: later.length > limit };
  }

  private serve(socket: Socket): void {
    socket.on('thread:join', async (payload: { threadId: string; lastSeenSeq?: string; limit?: number }, ack: Ack) => {
      this.joinedFrom.push(payload.lastSeenSeq ?? null);
      await socket.join(this.room);
      const page = this.after(payload.lastSeenSeq ?? '0', payload.limit);
      ack({
        ok: true,
        data: {
          threadId: this.threadId,
          subjectType: 'CHANGE_IDEA',
          subjectId: 'idea-1',
          lastMessageSeq: this.messages.at(-1)?.seq ?? '0',
          lastReadSeq: '0',
          ...page,
          changed: [],
          presence: [this.member],
        },
      });
    });
    socket.on('thread:catch-up', (payload: { afterSeq: string; limit?: number }, ack: Ack) => {
      ack({ ok: true, data: { threadId: this.threadId, ...this.after(payload.afterSeq, payload.limit) } });
    });
    socket.on('message:send', (payload: { clientId: string; body: string; parentId?: string | null }, ack: Ack) => {
      this.sendAttempts.push(payload.clientId);
      const refusal = this.refuseNextSends.shift();
      if (refusal) return ack({ ok: false, error: refusal });
      const existing = this.messages.find(
        (m) => m.clientId === payload.clientId && m.author.userId === this.member.userId,
      );
      if (existing) return ack({ ok: true, data: { message: existing, created: false } });
      const message = this.store(this.member, payload.body, payload.clientId, payload.parentId ?? null);
      socket.to(this.room).emit('message:new', message);
      const { prevSeq: _prevSeq, ...stored } = message;
      ack({ ok: true, data: { message: stored, created: true } });
    });
    socket.on('thread:read', (payload: { seq: string }, ack: Ack) =>
      ack({ ok: true, data: { threadId: this.threadId, networkId: 'n1', unread: 0, lastReadSeq: payload.seq } }),
    );
    socket.on('thread:leave', (_payload: unknown, ack?: Ack) => ack?.({ ok: true, data: { threadId: this.threadId } }));
    socket.on('typing', (payload: { typing: boolean }) => {
      socket.to(this.room).emit('typing', {
        threadId: this.threadId,
        userId: this.member.userId,
        name: this.member.name,
        typing: payload.typing,
      });
    });
  }
}
