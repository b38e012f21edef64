import { mentionToken } from '@commons/shared';

/** A member picked from the list while writing: shown as "@Name", sent as a mention token. */
export interface PickedMention {
  userId: string;
  name: string;
}

const TOKEN = /@\[([^\]\n]{1,100})\]\(user:([0-9a-fA-F-]{36})\)/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body to send: each "@Name" of a member picked from the list becomes her mention token.
 * A name she typed without picking stays text (it notifies no one).
 */
export function toWireBody(text: string, mentions: readonly PickedMention[]): string {
  const byName = new Map(mentions.map((m) => [m.name, m]));
  if (byName.size === 0) return text;
  // Longest names first, so "@Anna Berg" is not taken for "@Anna".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(`@(${names.join('|')})`, 'g'), (_whole, name: string) => {
    const mention = byName.get(name)!;
    return mentionToken(mention.name, mention.userId);
  });
}

/** A stored body as the member edits it: tokens shown as "@Name", with the mentions they were. */
export function toDisplayText(body: string): { text: string; mentions: PickedMention[] } {
  const mentions: PickedMention[] = [];
  const text = body.replace(TOKEN, (_whole, name: string, userId: string) => {
    if (!mentions.some((m) => m.userId === userId.toLowerCase())) mentions.push({ name, userId: userId.toLowerCase() });
    return `@${name}`;
  });
  return { text, mentions };
}

/** The "@name" being typed right before the caret: where it starts and what to look up. */
export interface MentionQuery {
  start: number;
  query: string;
}

const MAX_QUERY = 40;

/**
 * The mention being typed at `caret`, if any: an "@" at the start or after a space, followed by
 * up to three words of a name and nothing else before the caret.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || caret - at - 1 > MAX_QUERY) return null;
  if (at > 0 && !/\s/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (!/^[\p{L}\p{M}' .-]*$/u.test(query) || query.startsWith(' ') || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** `text` with the mention being typed (from `start` to `caret`) replaced by "@Name ", and where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}
