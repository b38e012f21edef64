/**
 * Where to go after signing in: only a path inside this app ("/n/x/members"), never another
 * site ("//evil.example", "https://…"), so a crafted link cannot send a member away.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
