/**
 * A mention in a message body is written `@[Name](user:<id>)`: the client inserts it when a member
 * picks someone from the list, so a mention names a member by id, never by a guessable handle.
 */
const MENTION =
  /@\[([^\]\n]{1,100})\]\(user:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** At most this many members are notified from one message; further mentions stay text. */
export const MAX_MENTIONS_PER_MESSAGE = 20;

/** The token a client inserts into a body to mention `userId`, shown as `@name`. */
export function mentionToken(name: string, userId: string): string {
  const label =
    name
      .replace(/[[\]\n]/g, ' ')
      .trim()
      .slice(0, 100) || 'member';
  return `@[${label}](user:${userId.toLowerCase()})`;
}

/** The distinct member ids mentioned in `body`, in order of first appearance, at most MAX_MENTIONS_PER_MESSAGE. */
export function mentionedUserIds(body: string): string[] {
  const ids: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const id = match[2].toLowerCase();
    if (!ids.includes(id)) ids.push(id);
    if (ids.length === MAX_MENTIONS_PER_MESSAGE) break;
  }
  return ids;
}

/** Who a mention shows: the member's current name and where her profile is. */
export interface MentionTarget {
  name: string;
  href: string;
}

/** Escapes text so Markdown shows it as typed (no emphasis, links or HTML from a name). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`);
}

/**
 * `body` with each mention turned into plain Markdown before rendering: a link to the member's
 * profile labelled with her current name (not the label the author typed) when `targetOf` knows
 * her, otherwise the typed label as text. Names are escaped, so a name cannot inject markup.
 */
export function mentionsToMarkdown(body: string, targetOf: (userId: string) => MentionTarget | null): string {
  return body.replace(MENTION, (_whole, label: string, id: string) => {
    const target = targetOf(id.toLowerCase());
    if (!target) return `@${escapeMarkdown(label)}`;
    return `[@${escapeMarkdown(target.name)}](${target.href})`;
  });
}

/** `body` as plain text with mentions shown as `@label`, for previews and notifications. */
export function mentionsToText(body: string): string {
  return body.replace(MENTION, (_whole, label: string) => `@${label}`);
}
