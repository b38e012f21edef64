import { mentionsToMarkdown, type ReactionPayload, REACTION_EMOJI, type ThreadMessagePayload } from '@commons/shared';
import { renderMarkdown } from '../platform/markdown/markdown';
import type { MessageRow, ReactionRow } from './thread.repository';

/** A message as the service hands it out: the live payload, plus who wrote it. */
export interface MessageView extends ThreadMessagePayload {
  authorId: string;
}

/** Reactions per message, in the order of REACTION_EMOJI, each with who reacted (oldest first). */
export function reactionsByMessage(rows: ReactionRow[]): Map<string, ReactionPayload[]> {
  const grouped = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    const byEmoji = grouped.get(row.messageId) ?? new Map<string, string[]>();
    byEmoji.set(row.emoji, [...(byEmoji.get(row.emoji) ?? []), row.userId]);
    grouped.set(row.messageId, byEmoji);
  }
  const order = (emoji: string) => {
    const index = (REACTION_EMOJI as readonly string[]).indexOf(emoji);
    return index === -1 ? REACTION_EMOJI.length : index;
  };
  return new Map(
    [...grouped].map(([messageId, byEmoji]) => [
      messageId,
      [...byEmoji]
        .sort(([a], [b]) => order(a) - order(b))
        .map(([emoji, userIds]) => ({ emoji, count: userIds.length, userIds })),
    ]),
  );
}

/**
 * The body of a message as safe HTML: mentions of members it was checked to mention become
 * links to their profiles (with their current names), then the Markdown is rendered and
 * sanitised like every other Markdown on the platform. A tombstone renders to nothing.
 */
export function messageHtml(
  row: MessageRow,
  mentionNames: Map<string, string> | undefined,
  networkSlug: string,
): string {
  if (row.deletedAt) return '';
  const markdown = mentionsToMarkdown(row.body, (userId) => {
    const name = mentionNames?.get(userId);
    return name === undefined ? null : { name, href: `/n/${encodeURIComponent(networkSlug)}/members/${userId}` };
  });
  return renderMarkdown(markdown);
}

export function toMessageView(
  row: MessageRow,
  context: {
    reactions: Map<string, ReactionPayload[]>;
    mentionNames: Map<string, Map<string, string>>;
    networkSlug: string;
  },
): MessageView {
  return {
    id: row.id,
    threadId: row.threadId,
    seq: row.seq.toString(),
    parentId: row.parentId,
    authorId: row.authorId,
    author: { userId: row.authorId, name: row.author.name },
    body: row.deletedAt ? '' : row.body,
    bodyHtml: messageHtml(row, context.mentionNames.get(row.id), context.networkSlug),
    clientId: row.clientId,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    reactions: row.deletedAt ? [] : (context.reactions.get(row.id) ?? []),
  };
}

/** The live payload of a view (without the service's extra fields). */
export function toPayload(view: MessageView): ThreadMessagePayload {
  const { authorId: _authorId, ...payload } = view;
  return payload;
}
