import { type Actor, can } from '@commons/shared';

/** How the viewer stands towards an idea, for the policy's scope. */
export interface IdeaStanding {
  isProposer: boolean;
  isCoDesigner: boolean;
}

/** The viewer's standing from what the idea page loads. */
export function standingOf(
  actor: Actor,
  idea: { proposer: { userId: string }; viewerCoDesignStatus: string | null },
): IdeaStanding {
  return { isProposer: idea.proposer.userId === actor.userId, isCoDesigner: idea.viewerCoDesignStatus === 'ACTIVE' };
}

/** The sites where the viewer may start a PDSA cycle of the idea (the shared rule 'pdsa.write'). */
export function pdsaSitesFor<S extends { id: string }>(actor: Actor, sites: readonly S[], standing: IdeaStanding): S[] {
  return sites.filter((site) => can(actor, 'pdsa.write', { siteId: site.id, ...standing }));
}
