import DataLoader from 'dataloader';
import type { PrismaService } from '../database/prisma.service';

const SITE_SELECT = { id: true, networkId: true, slug: true, name: true, city: true } as const;
const NETWORK_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  startedOn: true,
  suppressionThreshold: true,
  decisionConfirmationDays: true,
} as const;

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request batch loaders, so a list of N rows costs one query per relation, not N. */
export function createLoaders(prisma: PrismaService) {
  return {
    site: new DataLoader(async (ids: readonly string[]) =>
      byId(ids, await prisma.site.findMany({ where: { id: { in: [...ids] } }, select: SITE_SELECT })),
    ),
    network: new DataLoader(async (ids: readonly string[]) =>
      byId(ids, await prisma.network.findMany({ where: { id: { in: [...ids] } }, select: NETWORK_SELECT })),
    ),
    activeMemberCountOfSite: new DataLoader(async (siteIds: readonly string[]) => {
      const rows = await prisma.membership.groupBy({
        by: ['siteId'],
        where: { siteId: { in: [...siteIds] }, deactivatedAt: null },
        _count: { _all: true },
      });
      const counts = new Map(rows.map((row) => [row.siteId, row._count._all]));
      return siteIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
