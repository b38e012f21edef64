import type { Prisma } from '../../generated/prisma/client';

/**
 * Serialises, until the transaction ends, everything that creates a network because none exists
 * yet (the demo seed, the first-run page): only the first of several processes or requests acts.
 */
export async function lockNetworkCreation(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(72616002)`;
}
