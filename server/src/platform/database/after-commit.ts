import { Logger } from '@nestjs/common';

/** Something to do once a transaction's writes are visible to everyone (a live push, say). */
export type CommitEffect = () => unknown;

const logger = new Logger('AfterCommit');
/** Effects waiting for the commit of each open interactive transaction, keyed by its client. */
const pendingEffects = new WeakMap<object, CommitEffect[]>();
/** The root (non-transaction) clients: what they write is committed when the call returns. */
const rootClients = new WeakSet<object>();

/** Marks `client` as a root client: an effect registered on it runs at once. */
export function markRootClient(client: object): void {
  rootClients.add(client);
}

/**
 * Runs `effect` after the transaction that `db` belongs to commits, and never when it rolls
 * back. On a root client (no transaction) the writes already committed, so it runs now.
 * Effects never fail the change that caused them: an error is logged.
 */
export function afterCommit(db: object, effect: CommitEffect): void {
  const pending = pendingEffects.get(db);
  if (pending) pending.push(effect);
  else if (rootClients.has(db)) runEffects([effect]);
  else throw new Error('afterCommit needs a client of PrismaService or a transaction it opened');
}

/**
 * Opens an interactive transaction through `open`, lets `work` register effects on its client,
 * and runs them once `open` has committed. Used by PrismaService.$transaction, so every
 * repository's transaction gets it without knowing.
 */
export async function transactionWithEffects<Tx extends object, T>(
  open: (work: (tx: Tx) => Promise<T>) => Promise<T>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const effects: CommitEffect[] = [];
  let client: Tx | null = null;
  try {
    const result = await open((tx) => {
      client = tx;
      pendingEffects.set(tx, effects);
      return work(tx);
    });
    runEffects(effects);
    return result;
  } finally {
    // A client kept past its transaction can register nothing more: afterCommit then throws.
    if (client) pendingEffects.delete(client);
  }
}

function runEffects(effects: CommitEffect[]): void {
  for (const effect of effects) {
    try {
      void Promise.resolve(effect()).catch((error: unknown) =>
        logger.warn(`an after-commit effect failed: ${(error as Error).message}`),
      );
    } catch (error) {
      logger.warn(`an after-commit effect failed: ${(error as Error).message}`);
    }
  }
}
