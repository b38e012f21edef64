/**
 * Focus follows navigation: after a route change the page's heading takes focus, so screen
 * readers announce the new page and keyboard users start from its top. When the heading is not
 * on screen yet (the page is still loading), the heading takes focus as soon as it mounts.
 */
let pending = false;

export const PAGE_HEADING_ID = 'page-heading';

/** Called on every route change after the first page. */
export function focusPageHeading(): void {
  const heading = document.getElementById(PAGE_HEADING_ID);
  if (heading) {
    heading.focus();
    pending = false;
  } else {
    pending = true;
  }
}

/** True (once) when a route change is still waiting for a heading to focus. */
export function takePendingFocus(): boolean {
  const wasPending = pending;
  pending = false;
  return wasPending;
}
