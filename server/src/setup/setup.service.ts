import { Injectable } from '@nestjs/common';
import { firstRunSchema, IssueCode, siteSlugs, startMonthIssue } from '@commons/shared';
import { hashPassword } from '../platform/auth/password';
import { hashToken, newSessionToken } from '../platform/auth/session-token';
import { type SessionMeta, SessionService } from '../platform/auth/session.service';
import { monthOf } from '../measures/network-months';
import { MemberAccountsService } from '../members/member-accounts.service';
import { AppError, conflict, invalid, parseInput } from '../platform/graphql/app-error';
import type { CompleteSetupInput } from './dto/complete-setup.input';
import { SetupRepository } from './setup.repository';

/** How long a setup code printed at start-up works; a restart prints a new one. */
export const SETUP_CODE_TTL_MS = 24 * 3_600_000;

export const alreadySetUp = () => new AppError('ALREADY_SET_UP', 'This Commons is set up already: sign in instead.');

/** Why a setup code cannot be used now, or null when it can. */
function setupCodeProblem(code: { expiresAt: Date; usedAt: Date | null } | null, now: Date): IssueCode | null {
  if (!code) return 'setup_code_invalid';
  if (code.usedAt) return 'setup_code_used';
  if (code.expiresAt <= now) return 'setup_code_expired';
  return null;
}

/** The first-run page: while no network exists, a one-time code lets one person create the first one. */
@Injectable()
export class SetupService {
  constructor(
    private readonly setup: SetupRepository,
    private readonly accounts: MemberAccountsService,
    private readonly sessions: SessionService,
  ) {}

  async status() {
    return { needed: !(await this.setup.anyNetwork()) };
  }

  /** A new setup code (only its hash is stored), for the link printed at start-up. */
  async issueSetupCode(now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const { token, tokenHash } = newSessionToken();
    const expiresAt = new Date(now.getTime() + SETUP_CODE_TTL_MS);
    await this.setup.createSetupToken(tokenHash, expiresAt);
    return { token, expiresAt };
  }

  /**
   * Creates the network, its sites and its first admin in one transaction, uses the setup code up
   * and signs the admin in. Once any network exists it refuses with ALREADY_SET_UP, so of two
   * submissions exactly one wins.
   */
  async complete(input: CompleteSetupInput, meta: SessionMeta) {
    const parsed = parseInput(firstRunSchema, input, 'input');
    const now = new Date();
    const startIssue = startMonthIssue(parsed.startMonth, monthOf(now));
    if (startIssue) throw invalid('input.startMonth', startIssue.code, startIssue.params);
    const passwordHash = await hashPassword(parsed.password);
    const slugs = siteSlugs(parsed.sites);
    const { userId, networkSlug } = await this.setup.withCreationLock(async (db) => {
      if (await this.setup.anyNetwork(db)) throw alreadySetUp();
      const code = await this.setup.findSetupToken(hashToken(parsed.token), db);
      const problem = setupCodeProblem(code, now);
      if (!code || problem) throw invalid('input.token', problem ?? 'setup_code_invalid');
      const network = await this.setup.createNetwork(
        {
          name: parsed.networkName,
          slug: parsed.networkSlug,
          startedOn: new Date(`${parsed.startMonth}-01T00:00:00Z`),
          sites: parsed.sites.map((name, i) => ({ name, slug: slugs[i] })),
        },
        db,
      );
      if (!network) throw alreadySetUp();
      // No network means no member, but an account may outlive a network deleted by hand.
      const user = await this.accounts.createUser(
        { email: parsed.adminEmail, name: parsed.adminName, passwordHash },
        db,
      );
      if (!user)
        throw conflict('admin_account_exists', 'An account with this email address already exists.', {
          field: 'input.adminEmail',
        });
      await this.accounts.createMembership(
        { userId: user.id, networkId: network.id, role: 'NETWORK_ADMIN', siteId: null },
        db,
      );
      if (!(await this.setup.useSetupToken(code.id, now, db))) {
        throw invalid('input.token', 'setup_code_used');
      }
      return { userId: user.id, networkSlug: network.slug };
    });
    return { session: await this.sessions.start(userId, meta), networkSlug };
  }
}
