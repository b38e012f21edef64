import type { Readable } from 'node:stream';

/** Where attachment bytes live: a local folder by default; an S3-compatible store could implement it too. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

/**
 * A store of files by key. Keys are made by the app (`newStorageKey`), never taken from a
 * request, and implementations refuse any other shape, so no path can be smuggled in.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The file's bytes as a stream; throws FileNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored file ${key}`);
    this.name = 'FileNotFoundError';
  }
}

const KEY_PATTERN = /^attachments\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new storage key for an attachment: "attachments/<2 hex>/<uuid>". */
export function newStorageKey(uuid: string): string {
  return `attachments/${uuid.slice(0, 2)}/${uuid}`;
}

/** Throws unless `key` is a key the app makes. */
export function assertStorageKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Refusing storage key ${JSON.stringify(key)}`);
  return key;
}
