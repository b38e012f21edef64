import type { Prisma } from '../generated/prisma/client';

/** The columns of a resource the app reads; other modules joining resources (a group's shelf) use it too. */
export const RESOURCE_SELECT = {
  id: true,
  networkId: true,
  kind: true,
  title: true,
  summary: true,
  body: true,
  bodyText: true,
  tags: true,
  audiences: true,
  siteId: true,
  license: true,
  authorId: true,
  adaptedFromId: true,
  version: true,
  hiddenAt: true,
  hiddenById: true,
  hiddenReason: true,
  helpfulCount: true,
  useCount: true,
  viewCount: true,
  downloadCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof RESOURCE_SELECT }>;
