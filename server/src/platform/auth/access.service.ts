import { Injectable } from '@nestjs/common';
import { type Action, type Actor, can, type Scope } from '@commons/shared';
import { AppError, forbidden, notFound, requireId } from '../graphql/app-error';
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
    return (await this.memberIn(viewer, networkId))?.actor ?? null;
  }

  /**
   * The viewer's actor in `networkId` when the policy allows `action` in `scope`; throws otherwise.
   * An admin or site lead of a network that requires two-factor sign-in must have it on first
   * (TWO_FACTOR_SETUP_REQUIRED); her account pages are not network actions, so she can.
   */
  async require(viewer: Viewer, networkId: string, action: Action, scope: Scope = {}): Promise<Actor> {
    const member = await this.memberIn(viewer, networkId);
    if (!member) throw notFound('Network');
    if (member.needsTwoFactor) {
      throw new AppError(
        'TWO_FACTOR_SETUP_REQUIRED',
        'This network requires two-factor sign-in for admins and site leads: turn it on in your account settings.',
      );
    }
    this.check(member.actor, action, scope);
    return member.actor;
  }

  private async memberIn(viewer: Viewer, networkId: string): Promise<{ actor: Actor; needsTwoFactor: boolean } | null> {
    requireId(networkId, 'networkId');
    const membership = await this.access.membership(viewer.userId, networkId);
    if (!membership || membership.deactivatedAt) return null;
    return {
      actor: { userId: viewer.userId, role: membership.role, siteId: membership.siteId, active: true },
      needsTwoFactor: membership.needsTwoFactor,
    };
  }

  /** Throws FORBIDDEN unless `actor` may perform `action` in `scope`. */
  check(actor: Actor, action: Action, scope: Scope = {}): void {
    if (!can(actor, action, scope)) throw forbidden(describe(action));
  }
}

function describe(action: Action): string {
  return `perform ${action}`;
}
