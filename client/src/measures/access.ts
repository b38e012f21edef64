import { type Actor, can } from '@commons/shared';

/** True when the member reports monthly measures: her own site's (site team) or any site's (network admins). */
export function mayReport(actor: Actor | null | undefined): boolean {
  return !!actor && can(actor, 'measure.report', { siteId: actor.siteId });
}

/** The sites whose months the member may report, in the network's order. */
export function reportableSites<S extends { id: string }>(actor: Actor, sites: readonly S[]): S[] {
  return sites.filter((site) => can(actor, 'measure.report', { siteId: site.id }));
}
