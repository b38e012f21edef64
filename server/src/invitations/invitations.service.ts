import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  invitationSchema,
  issueMessage,
  type RegisterInput,
  registerSchema,
  SITE_TEAM_ROLES,
} from '@commons/shared';
import { hashPassword } from '../platform/auth/password';
import { hashToken, newSessionToken } from '../platform/auth/session-token';
import { MemberAccountsService } from '../members/member-accounts.service';
import { NetworkService } from '../networks/network.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { AppError, conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { type PageArgs, pageInfo, toPage } from '../platform/graphql/pagination';
import { MailService } from '../mail/mail.service';
import { emailLocale, invitationEmail } from '../mail/templates/emails';
import type { InvitationInput } from './dto/invitation.input';
import { InvitationRepository, type InvitationRow } from './invitation.repository';
import { type Invitation, InvitationStatus } from './models/invitation.model';

function statusOf(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.revokedAt) return InvitationStatus.REVOKED;
  if (row.acceptedAt) return InvitationStatus.ACCEPTED;
  if (row.expiresAt <= now) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

function toInvitation(row: InvitationRow, seenBy: Actor): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    siteId: row.siteId,
    siteName: row.site?.name ?? null,
    invitedByName: row.invitedBy?.name ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status: statusOf(row),
    seenBy,
  };
}

const UNUSABLE: Record<
  Exclude<InvitationStatus, InvitationStatus.PENDING>,
  'invitation_used' | 'invitation_expired' | 'invitation_revoked'
> = {
  [InvitationStatus.ACCEPTED]: 'invitation_used',
  [InvitationStatus.EXPIRED]: 'invitation_expired',
  [InvitationStatus.REVOKED]: 'invitation_revoked',
};

/** Invitations: single-use, expiring links that admit a person to a network with a role and site. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly accounts: MemberAccountsService,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(viewer: Viewer, networkId: string, input: InvitationInput, requestOrigin: string) {
    const parsed = parseInput(invitationSchema, { ...input, siteId: input.siteId ?? null }, 'input');
    const actor = await this.access.require(viewer, networkId, 'member.invite', {
      siteId: parsed.siteId,
      targetRole: parsed.role,
    });
    if (SITE_TEAM_ROLES.includes(parsed.role) && !parsed.siteId) {
      throw invalid('input.siteId', 'site_required');
    }
    if (parsed.siteId) await this.networks.assertSiteInNetwork(parsed.siteId, networkId, 'input.siteId');
    const existing = await this.accounts.findCredentials(parsed.email);
    if (existing && (await this.accounts.membership(networkId, existing.id))) {
      throw conflict('already_member', 'This person is already a member of the network.', { field: 'input.email' });
    }
    const { token, tokenHash } = newSessionToken();
    const row = await this.invitations.create({
      networkId,
      email: parsed.email,
      role: parsed.role,
      siteId: parsed.siteId,
      tokenHash,
      invitedById: viewer.userId,
      expiresAt: new Date(Date.now() + this.config.invitationTtlMs),
    });
    const link = `${this.config.publicUrl ?? requestOrigin}/invite/${token}`;
    // In the inviter's language: the person invited has no account, so no language of her own yet.
    const locale = emailLocale((await this.accounts.findProfile(viewer.userId))?.locale);
    await this.mail.queue(null, [
      {
        kind: 'INVITATION',
        dedupeKey: `invitation:${row.id}`,
        to: row.email,
        networkId,
        locale,
        render: () =>
          invitationEmail(locale, {
            inviterName: row.invitedBy?.name ?? null,
            networkName: row.network.name,
            link,
            expiresAt: row.expiresAt,
          }),
      },
    ]);
    return { invitation: toInvitation(row, actor), link, emailed: this.mail.delivers };
  }

  async list(viewer: Viewer, networkId: string, pageArgs: PageArgs) {
    const actor = await this.access.require(viewer, networkId, 'invitation.list');
    const page = toPage(pageArgs);
    // She sees the invitations she may revoke: every one (admins: also those to no site), or her own site's (site leads).
    const all = can(actor, 'invitation.revoke', { siteId: null });
    if (!all && !can(actor, 'invitation.revoke', { siteId: actor.siteId }))
      return { nodes: [], totalCount: 0, pageInfo: pageInfo(page, 0, 0) };
    const siteOnly = all ? null : actor.siteId;
    const { rows, totalCount } = await this.invitations.list(networkId, siteOnly, page);
    return {
      nodes: rows.map((row) => toInvitation(row, actor)),
      totalCount,
      pageInfo: pageInfo(page, rows.length, totalCount),
    };
  }

  async revoke(viewer: Viewer, invitationId: string): Promise<Invitation> {
    const row = await this.invitations.findById(requireId(invitationId, 'invitationId'));
    if (!row) throw notFound('Invitation');
    const actor = await this.access.require(viewer, row.networkId, 'invitation.revoke', { siteId: row.siteId });
    if (statusOf(row) !== InvitationStatus.PENDING) {
      const reason = UNUSABLE[statusOf(row) as keyof typeof UNUSABLE];
      throw conflict(reason, `This invitation ${issueMessage(reason)}.`);
    }
    return toInvitation(await this.invitations.revoke(row.id, new Date()), actor);
  }

  /** What a link offers, for the registration page. Unknown tokens are NOT_FOUND. */
  async preview(token: string) {
    const row = await this.invitations.findByTokenHash(hashToken(token.slice(0, 200)));
    if (!row) throw notFound('Invitation');
    return {
      networkName: row.network.name,
      networkSlug: row.network.slug,
      email: row.email,
      role: row.role,
      siteName: row.site?.name ?? null,
      expiresAt: row.expiresAt,
      status: statusOf(row),
    };
  }

  /** Creates the account and membership an invitation offers, using the invitation up, atomically. */
  async registerWithInvitation(input: RegisterInput): Promise<{ userId: string }> {
    const parsed = parseInput(registerSchema, input, 'input');
    const passwordHash = await hashPassword(parsed.password);
    return this.invitations.transaction(async (db) => {
      const row = await this.usableInvitation(parsed.token, db, 'input.token');
      if (row.email !== parsed.email) throw invalid('input.email', 'invitation_email');
      const emailTaken = () =>
        conflict('account_exists', 'An account with this email already exists. Sign in to accept the invitation.', {
          field: 'input.email',
        });
      if (await this.accounts.emailTaken(parsed.email, db)) throw emailTaken();
      const user = await this.accounts.createUser({ email: parsed.email, name: parsed.name, passwordHash }, db);
      if (!user) throw emailTaken();
      await this.accounts.createMembership(
        { userId: user.id, networkId: row.networkId, role: row.role, siteId: row.siteId },
        db,
      );
      if (!(await this.invitations.markAccepted(row.id, user.id, new Date(), db)))
        throw usedConcurrently('input.token');
      return { userId: user.id };
    });
  }

  /** A signed-in person joins the invitation's network with its role and site. */
  async acceptAsViewer(viewer: Viewer, token: string): Promise<{ networkSlug: string }> {
    return this.invitations.transaction(async (db) => {
      const row = await this.usableInvitation(token, db, 'token');
      // The link is a bearer token: only the person it was sent to may use it, so a forwarded
      // or leaked link cannot grant its role to someone else.
      const profile = await this.accounts.findProfile(viewer.userId);
      if (profile?.email !== row.email) throw invalid('token', 'invitation_email');
      const alreadyMember = () => conflict('you_are_member', 'You are already a member of this network.');
      const existing = await this.accounts.membership(row.networkId, viewer.userId, db);
      if (existing && !existing.deactivatedAt) throw alreadyMember();
      if (existing) {
        await this.accounts.updateMembership(
          existing.id,
          { role: row.role, siteId: row.siteId, deactivatedAt: null },
          db,
        );
      } else if (
        !(await this.accounts.createMembership(
          { userId: viewer.userId, networkId: row.networkId, role: row.role, siteId: row.siteId },
          db,
        ))
      ) {
        throw alreadyMember();
      }
      if (!(await this.invitations.markAccepted(row.id, viewer.userId, new Date(), db)))
        throw usedConcurrently('token');
      return { networkSlug: row.network.slug };
    });
  }

  /** The pending invitation `token` stands for; otherwise BAD_USER_INPUT naming `field`, the argument that carried it. */
  private async usableInvitation(
    token: string,
    db: Parameters<InvitationRepository['findByTokenHash']>[1],
    field: string,
  ) {
    const row = await this.invitations.findByTokenHash(hashToken(token), db);
    if (!row) throw invalid(field, 'invitation_invalid');
    const status = statusOf(row);
    if (status !== InvitationStatus.PENDING) throw invalid(field, UNUSABLE[status]);
    return row;
  }
}

function usedConcurrently(field: string): AppError {
  return conflict('invitation_taken', 'This invitation was just used by someone else.', { field });
}
