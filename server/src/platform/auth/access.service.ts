import { Injectable } from '@nestjs/common';
import { type Action, type Actor, can, type Scope } from '@commons/shared';
import { forbidden, notFound, requireId } from '../graphql/app-error';
import { AccessRepository } from './access.repository';
import type { Viewer } from './viewer';

/**
 * The server side of the one policy in @commons/shared: every service asks here before it
 * reads or writes network data. Non-members get NOT_FOUND (a private network's existence is
 * not revealed); members without the right get FORBIDDEN.
 */
@Injectable()
export class AccessService {
  constructor(private readonly access: AccessRepository) {}

  /** The viewer as an actor in `networkId`, or null when they are not an active member. */
  async actorIn(viewer: Viewer, networkId: string): Promise<Actor | null> {
    requireId(networkId, 'networkId');
    const membership = await this.access.membership(viewer.userId, networkId);
    if (!membership || membership.deactivatedAt) return null;
    return { userId: viewer.userId, role: membership.role, siteId: membership.siteId, active: true };
  }

  /** The viewer's actor in `networkId` when the policy allows `action` in `scope`; throws otherwise. */
  async require(viewer: Viewer, networkId: string, action: Action, scope: Scope = {}): Promise<Actor> {
    const actor = await this.actorIn(viewer, networkId);
    if (!actor) throw notFound('Network');
    this.check(actor, action, scope);
    return actor;
  }

  /** Throws FORBIDDEN unless `actor` may perform `action` in `scope`. */
  check(actor: Actor, action: Action, scope: Scope = {}): void {
    if (!can(actor, action, scope)) throw forbidden(describe(action));
  }
}

function describe(action: Action): string {
  return `perform ${action}`;
}
