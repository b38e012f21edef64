import type { Prisma } from '../../generated/prisma/client';
import type { PrismaService } from './prisma.service';

/** What a repository reads and writes through: the app's client, or the transaction it is part of. */
export type Db = PrismaService | Prisma.TransactionClient;
