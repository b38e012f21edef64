/**
 * Where to go after signing in: only a page of this app ("/n/x/members?role=CLINICIAN"), never
 * another site, so a crafted link cannot send a member away. The path is checked as a browser
 * reads it: the URL parser drops tabs and newlines and reads `\` as `/`, so "/\t/evil.example" and
 * "/\\evil.example" lead to another site just as "//evil.example" does.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  const path = next?.replace(/[\t\n\r]/g, '');
  return path && /^\/(?![/\\])/.test(path) ? path : fallback;
}
