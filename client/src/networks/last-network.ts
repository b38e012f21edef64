const KEY = 'commons.lastNetwork';

/** Remembers the network the member last opened, so pages outside a network keep its menu. */
export function rememberNetwork(slug: string): void {
  try {
    localStorage.setItem(KEY, slug);
  } catch {
    // Without storage the first network is used instead.
  }
}

/** The slug of the network last opened on this device, if any. */
export function lastNetwork(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
