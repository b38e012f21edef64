import { type Actor, can } from '@commons/shared';

export { mayReport } from '@commons/shared';

/** The sites whose months the member may report, in the network's order. */
export function reportableSites<S extends { id: string }>(actor: Actor, sites: readonly S[]): S[] {
  return sites.filter((site) => can(actor, 'measure.report', { siteId: site.id }));
}
