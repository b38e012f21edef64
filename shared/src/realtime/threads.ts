import { z } from 'zod';
import type { ThreadSubjectType } from '../policy/threads';
import type { Seq } from '../threads/sequence';
import { idSchema, matches, safeString } from '../validation/common';
import { rule } from '../validation/issues';
import { REACTION_EMOJI, THREAD_CLIENT_EVENTS, THREAD_LIMITS } from './thread-constants';

export * from './thread-constants';

const seqRule = rule('invalid_format', { format: 'seq' });
const seqSchema = z
  .union([safeString(), z.number()])
  .refine(
    (value) => (typeof value === 'number' ? Number.isSafeInteger(value) && value >= 0 : /^\d{1,19}$/.test(value)),
    seqRule,
  )
  .transform((value) => String(value))
  .refine((value) => BigInt(value) <= 9223372036854775807n, seqRule);

/** A message body in Markdown: not blank, at most THREAD_LIMITS.bodyMax characters. */
export const messageBodySchema = safeString()
  .max(THREAD_LIMITS.bodyMax)
  .refine((body) => body.trim().length > 0, rule('required'));

/** Chosen by the sending client, unique per member: a retried send with it stores nothing new. */
export const clientIdSchema = safeString().refine(
  ...matches(new RegExp(`^[A-Za-z0-9_-]{8,${THREAD_LIMITS.clientIdMax}}$`), 'client_id'),
);

export const threadJoinSchema = z.object({
  threadId: idSchema,
  /** The seq of the newest message the client has; without it, the newest page. */
  lastSeenSeq: seqSchema.nullish(),
  /**
   * The latest createdAt, editedAt or deletedAt among the messages the client holds: the answer
   * then also holds those messages up to lastSeenSeq edited or deleted since (a little before, for
   * clocks that differ between processes), so an edit or a deletion is not missed either.
   */
  changesSince: z.iso.datetime({ offset: true }).nullish(),
  limit: z.number().int().min(1).max(THREAD_LIMITS.catchUpMax).optional(),
});

export const threadCatchUpSchema = z.object({
  threadId: idSchema,
  afterSeq: seqSchema,
  limit: z.number().int().min(1).max(THREAD_LIMITS.catchUpMax).optional(),
});

export const threadRefSchema = z.object({ threadId: idSchema });

export const threadReadSchema = z.object({ threadId: idSchema, seq: seqSchema });

export const messageSendSchema = z.object({
  threadId: idSchema,
  clientId: clientIdSchema,
  body: messageBodySchema,
  parentId: idSchema.nullish(),
});

export const messageEditSchema = z.object({ messageId: idSchema, body: messageBodySchema });

export const messageDeleteSchema = z.object({ messageId: idSchema });

export const reactionToggleSchema = z.object({
  messageId: idSchema,
  emoji: z.enum(REACTION_EMOJI),
});

export const typingSchema = z.object({ threadId: idSchema, typing: z.boolean() });

/** The payload schema of each client event. */
export const THREAD_EVENT_SCHEMAS = {
  [THREAD_CLIENT_EVENTS.join]: threadJoinSchema,
  [THREAD_CLIENT_EVENTS.catchUp]: threadCatchUpSchema,
  [THREAD_CLIENT_EVENTS.leave]: threadRefSchema,
  [THREAD_CLIENT_EVENTS.read]: threadReadSchema,
  [THREAD_CLIENT_EVENTS.send]: messageSendSchema,
  [THREAD_CLIENT_EVENTS.edit]: messageEditSchema,
  [THREAD_CLIENT_EVENTS.delete]: messageDeleteSchema,
  [THREAD_CLIENT_EVENTS.react]: reactionToggleSchema,
  [THREAD_CLIENT_EVENTS.typing]: typingSchema,
} as const;

export type ThreadClientEvent = keyof typeof THREAD_EVENT_SCHEMAS;
export type ThreadEventInput<E extends ThreadClientEvent> = z.input<(typeof THREAD_EVENT_SCHEMAS)[E]>;

/** A member as a thread shows her. */
export interface ThreadPersonPayload {
  userId: string;
  name: string;
}

export interface ReactionPayload {
  emoji: string;
  count: number;
  userIds: string[];
}

/** A message as live events carry it. A deleted message has an empty body and `deleted: true`. */
export interface ThreadMessagePayload {
  id: string;
  threadId: string;
  seq: Seq;
  parentId: string | null;
  author: ThreadPersonPayload;
  /** The Markdown as written (empty when deleted). */
  body: string;
  /** The body rendered and sanitised: safe to insert as HTML. */
  bodyHtml: string;
  clientId: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  deleted: boolean;
  reactions: ReactionPayload[];
}

export interface MessageNewPayload extends ThreadMessagePayload {
  /** The seq of the message before this one in its thread ('0' for the first). */
  prevSeq: Seq;
}

export interface ThreadJoinResult {
  threadId: string;
  subjectType: ThreadSubjectType;
  subjectId: string;
  lastMessageSeq: Seq;
  /** The viewer's read marker. */
  lastReadSeq: Seq;
  /** After `lastSeenSeq` (oldest first), or the newest page when none was given. */
  messages: ThreadMessagePayload[];
  /** More messages follow the last one here: ask `thread:catch-up` from its seq. */
  hasMore: boolean;
  /** Messages up to lastSeenSeq edited or deleted since `changesSince` (empty without it): replace them by id. */
  changed: ThreadMessagePayload[];
}

export interface ThreadCatchUpResult {
  threadId: string;
  messages: ThreadMessagePayload[];
  hasMore: boolean;
}

export interface PresencePayload {
  threadId: string;
  members: ThreadPersonPayload[];
}

export interface TypingPayload {
  threadId: string;
  userId: string;
  name: string;
  typing: boolean;
}

export interface ReactionsPayload {
  threadId: string;
  messageId: string;
  seq: Seq;
  reactions: ReactionPayload[];
}

export interface UnreadPayload {
  threadId: string;
  networkId: string;
  unread: number;
  lastReadSeq: Seq;
}

export interface ThreadActivityPayload {
  threadId: string;
  networkId: string;
  lastMessageSeq: Seq;
}

export interface ThreadRevokedPayload {
  threadId: string;
}
