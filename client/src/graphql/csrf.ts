/** The header the server requires on every mutation (its CSRF defence, part two). */
export const CSRF_HEADER = 'x-commons-csrf';
