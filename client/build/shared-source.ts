import path from 'node:path';
import type { Alias } from 'vite';

/** The shared package's TypeScript source. */
export const SHARED_SOURCE = path.resolve(import.meta.dirname, '../../shared/src');

/**
 * The web app builds `@commons/shared` from its TypeScript source. `@commons/shared/<module>` names
 * one module of it: the sign-in entry imports shared code that way, so the whole package (its
 * barrel re-exports everything) stays out of the sign-in page's module graph and its chunks.
 */
export const sharedSourceAliases: Alias[] = [
  { find: /^@commons\/shared$/, replacement: path.join(SHARED_SOURCE, 'index.ts') },
  { find: /^@commons\/shared\/(.+)$/, replacement: `${SHARED_SOURCE}/$1` },
];
