import { type Actor, can } from '@commons/shared';

/**
 * Whether `actor` may make her own adaptation of a resource: the policy lets any member adapt
 * for her site, and a licence of "all rights reserved" keeps it to the author.
 */
export function mayAdapt(actor: Actor, resource: { license: string; author: { userId: string } }): boolean {
  if (!can(actor, 'resource.adapt', { siteId: actor.siteId })) return false;
  return resource.license !== 'ALL-RIGHTS-RESERVED' || resource.author.userId === actor.userId;
}
