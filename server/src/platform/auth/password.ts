import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane): the library defaults.
/** Hashes a password with argon2id. */
export const hashPassword = (password: string) => hash(password);

/** Whether `password` matches the argon2id `passwordHash`. */
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

// Verifying against this when no account matches keeps sign-in timing the same for unknown emails.
let decoyHash: Promise<string> | null = null;
export const decoyPasswordHash = () => (decoyHash ??= hash('decoy password that never matches'));
