import type { PendingMessage, ThreadMessage } from './thread-state';

/** A top-level message with its replies, as the list shows it. */
export interface ThreadItem {
  message: ThreadMessage;
  replies: ThreadMessage[];
  /** Replies the member is sending to it. */
  pendingReplies: PendingMessage[];
  /** A reply whose message is not loaded (it is older than the pages shown). */
  orphan: boolean;
}

/**
 * The messages grouped for display: top-level ones by seq, each with its replies (one level deep,
 * oldest first); a reply to a message not loaded stands on its own. Pending top-level messages
 * (and replies to messages not shown) come last.
 */
export function threadItems(
  messages: readonly ThreadMessage[],
  pending: readonly PendingMessage[],
): { items: ThreadItem[]; pendingTop: PendingMessage[] } {
  const ids = new Set(messages.map((m) => m.id));
  const items: ThreadItem[] = [];
  const byId = new Map<string, ThreadItem>();
  for (const message of messages) {
    if (message.parentId && ids.has(message.parentId)) continue;
    const item: ThreadItem = { message, replies: [], pendingReplies: [], orphan: message.parentId !== null };
    items.push(item);
    byId.set(message.id, item);
  }
  for (const message of messages) {
    if (message.parentId) byId.get(message.parentId)?.replies.push(message);
  }
  const pendingTop: PendingMessage[] = [];
  for (const p of pending) {
    const parent = p.parentId ? byId.get(p.parentId) : undefined;
    if (parent) parent.pendingReplies.push(p);
    else pendingTop.push(p);
  }
  return { items, pendingTop };
}

/** Replies shown in full up to this many; more are folded but for the newest ones. */
export const REPLIES_SHOWN = 3;
const REPLIES_WHEN_FOLDED = 2;

/** The replies to show and how many are folded away. */
export function visibleReplies<T>(replies: readonly T[], expanded: boolean): { shown: readonly T[]; folded: number } {
  if (expanded || replies.length <= REPLIES_SHOWN) return { shown: replies, folded: 0 };
  return { shown: replies.slice(-REPLIES_WHEN_FOLDED), folded: replies.length - REPLIES_WHEN_FOLDED };
}

/** Up to two letters for an avatar ("Elin Sandberg" → "ES"). */
export function initials(name: string): string {
  const words = name
    .replace(/^(dr|prof)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return letters.map((w) => [...w][0]?.toUpperCase() ?? '').join('') || '?';
}

/** Plain text of a message for a spoken announcement: its HTML without the markup, shortened. */
export function spokenText(html: string, max = 160): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
