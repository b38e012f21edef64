import type { Prisma } from '../generated/prisma/client';

/** What the app reads of a working group; search reads groups with the same shape. */
export const GROUP_SELECT = {
  id: true,
  networkId: true,
  name: true,
  purpose: true,
  visibility: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
} as const;
export type GroupRow = Prisma.WorkingGroupGetPayload<{ select: typeof GROUP_SELECT }>;
