import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  type Ack,
  type AckError,
  fieldIssues,
  messageDeleteSchema,
  messageEditSchema,
  messageSendSchema,
  reactionToggleSchema,
  THREAD_CLIENT_EVENTS,
  THREAD_LIMITS,
  threadCatchUpSchema,
  threadJoinSchema,
  type ThreadCatchUpResult,
  type ThreadJoinResult,
  threadReadSchema,
  threadRefSchema,
  typingSchema,
} from '@commons/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Viewer } from '../platform/auth/viewer';
import { AppError } from '../platform/graphql/app-error';
import { toPayload } from './message-view';
import { ThreadLiveService, threadRoom, type ThreadSocketData } from './thread-live.service';
import { ThreadsService } from './threads.service';
import { TypingThrottle } from './typing-throttle';

const THREAD_ROOM_PREFIX = threadRoom('');

/**
 * The live side of threads. Every event is validated (a bad payload gets an error ack and changes
 * nothing) and authorised afresh through the same service and policy as GraphQL; the socket's
 * member was authenticated at the handshake (platform/realtime).
 */
@WebSocketGateway()
export class ThreadsGateway implements OnGatewayConnection {
  private readonly logger = new Logger(ThreadsGateway.name);

  constructor(
    private readonly threads: ThreadsService,
    private readonly live: ThreadLiveService,
    private readonly typingThrottle: TypingThrottle,
  ) {}

  handleConnection(socket: Socket) {
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        if (room.startsWith(THREAD_ROOM_PREFIX)) this.live.schedulePresence(room.slice(THREAD_ROOM_PREFIX.length));
      }
    });
  }

  /**
   * Joins the thread's room first, then reads what the client missed from the database: a
   * message committed after that read is broadcast to the room, one committed before is in the
   * answer, so none is missed (one in both is dropped by id on the client).
   */
  @SubscribeMessage(THREAD_CLIENT_EVENTS.join)
  join(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<ThreadJoinResult & { presence: { userId: string; name: string }[] }>> {
    return this.run(socket, threadJoinSchema, body, async (viewer, data) => {
      const access = await this.threads.authorise(viewer, data.threadId);
      const socketData = socket.data as ThreadSocketData;
      socketData.name ??= await this.threads.memberName(viewer.userId);
      await socket.join(threadRoom(access.row.id));
      const page = await this.threads.catchUp(
        access,
        data.lastSeenSeq ?? null,
        data.limit ?? THREAD_LIMITS.catchUpDefault,
      );
      const readState = await this.threads.readState(access);
      const changed =
        data.lastSeenSeq != null && data.changesSince
          ? await this.threads.changedSince(access, data.lastSeenSeq, data.changesSince, THREAD_LIMITS.catchUpMax)
          : [];
      const presence = await this.live
        .presence(access.row.id)
        .catch(() => [{ userId: viewer.userId, name: socketData.name ?? '' }]);
      this.live.schedulePresence(access.row.id);
      const newest = page.messages.at(-1)?.seq;
      return {
        threadId: access.row.id,
        subjectType: access.row.subjectType,
        subjectId: access.row.subjectId,
        lastMessageSeq:
          newest && BigInt(newest) > access.row.lastMessageSeq ? newest : access.row.lastMessageSeq.toString(),
        lastReadSeq: readState.lastReadSeq,
        messages: page.messages.map(toPayload),
        hasMore: data.lastSeenSeq == null ? false : page.hasMore,
        changed: changed.map(toPayload),
        presence,
      };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.catchUp)
  catchUp(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<ThreadCatchUpResult>> {
    return this.run(socket, threadCatchUpSchema, body, async (viewer, data) => {
      const access = await this.threads.authorise(viewer, data.threadId);
      const page = await this.threads.catchUp(access, data.afterSeq, data.limit ?? THREAD_LIMITS.catchUpDefault);
      return { threadId: access.row.id, messages: page.messages.map(toPayload), hasMore: page.hasMore };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.leave)
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ threadId: string }>> {
    return this.run(socket, threadRefSchema, body, async (_viewer, data) => {
      await socket.leave(threadRoom(data.threadId));
      this.live.schedulePresence(data.threadId);
      return { threadId: data.threadId };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.send)
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, messageSendSchema, body, async (viewer, data) => {
      const { message, created } = await this.threads.send(viewer, data, { socketId: socket.id });
      return { message: toPayload(message), created };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.edit)
  edit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, messageEditSchema, body, async (viewer, data) => {
      const { message } = await this.threads.edit(viewer, data.messageId, data.body, { socketId: socket.id });
      return { message: toPayload(message) };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.delete)
  remove(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, messageDeleteSchema, body, async (viewer, data) => {
      const { message } = await this.threads.delete(viewer, data.messageId, { socketId: socket.id });
      return { message: toPayload(message) };
    });
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.react)
  react(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, reactionToggleSchema, body, (viewer, data) =>
      this.threads.toggleReaction(viewer, data.messageId, data.emoji, { socketId: socket.id }),
    );
  }

  @SubscribeMessage(THREAD_CLIENT_EVENTS.read)
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, threadReadSchema, body, (viewer, data) =>
      this.threads.markRead(viewer, data.threadId, data.seq, { socketId: socket.id }),
    );
  }

  /**
   * Typing is throttled per member and thread across all her sockets and every process (the
   * claim comes first: a burst costs no database work), authorised like posting, and never stored.
   */
  @SubscribeMessage(THREAD_CLIENT_EVENTS.typing)
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ sent: boolean }>> {
    return this.run(socket, typingSchema, body, async (viewer, data) => {
      if (!(await this.typingThrottle.claim(viewer.userId, data.threadId, data.typing))) return { sent: false };
      await this.threads.authorise(viewer, data.threadId, 'thread.post');
      const name = ((socket.data as ThreadSocketData).name ??= await this.threads.memberName(viewer.userId));
      this.live.typing({ threadId: data.threadId, userId: viewer.userId, name, typing: data.typing }, socket.id);
      return { sent: true };
    });
  }

  /** Validates `body`, runs `work` as the socket's member and turns the outcome into an ack. */
  private async run<S extends z.ZodType, R>(
    socket: Socket,
    schema: S,
    body: unknown,
    work: (viewer: Viewer, data: z.output<S>) => Promise<R>,
  ): Promise<Ack<R>> {
    const viewer = (socket.data as ThreadSocketData).viewer;
    if (!viewer) return failure({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error).map((issue) => ({ ...issue, field: issue.field || 'payload' }));
      const [first] = issues;
      return failure({
        code: 'BAD_USER_INPUT',
        message: `${first.field} ${first.message}`,
        field: first.field,
        issues,
      });
    }
    try {
      return { ok: true, data: await work(viewer, parsed.data) };
    } catch (error) {
      if (!(error instanceof AppError)) {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return failure({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong. Please try again.' });
      }
      // Whoever may no longer read a thread stops hearing it.
      const threadId = (parsed.data as { threadId?: string }).threadId;
      if (threadId && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'))
        await socket.leave(threadRoom(threadId));
      const { field, issues, reason, retryAfterSeconds } = error.extensions as Omit<AckError, 'code' | 'message'>;
      return failure({ code: error.code, message: error.message, field, issues, reason, retryAfterSeconds });
    }
  }
}

/** A negative ack: the code, reason and issues a GraphQL error would carry, without empty keys. */
function failure(error: AckError): { ok: false; error: AckError } {
  return {
    ok: false,
    error: Object.fromEntries(Object.entries(error).filter(([, value]) => value !== undefined)) as unknown as AckError,
  };
}
