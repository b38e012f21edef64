import { Injectable } from '@nestjs/common';
import { signInSchema } from '@commons/shared';
import { InvitationsService } from '../invitations/invitations.service';
import { MemberAccountsService } from '../members/member-accounts.service';
import type { Viewer } from '../platform/auth/viewer';
import { AppError, parseInput } from '../platform/graphql/app-error';
import type { RegisterInput, SignInInput } from './dto/auth.input';
import { decoyPasswordHash, verifyPassword } from '../platform/auth/password';
import { type SessionMeta, SessionService } from '../platform/auth/session.service';
import { SignInLimiter } from './sign-in-limiter';
import { AccountRepository } from './account.repository';
import { TwoFactorService } from './two-factor.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: MemberAccountsService,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationsService,
    private readonly limiter: SignInLimiter,
    private readonly accountRows: AccountRepository,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async signIn(input: SignInInput, meta: SessionMeta) {
    const { email, password } = parseInput(signInSchema, input, 'input');
    await this.limiter.consumeAttempt(meta.ipAddress, email);
    const credentials = await this.accounts.findCredentials(email);
    const valid = await verifyPassword(credentials?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!credentials || !valid) {
      throw new AppError('UNAUTHENTICATED', 'The email or password is not right.', {
        field: 'input.password',
        reason: 'wrong_credentials',
      });
    }
    await this.limiter.recordSuccess(email);
    if (await this.accountRows.find(credentials.id).then((account) => account?.twoFactorEnabledAt)) {
      const challenge = await this.twoFactor.challenge(credentials.id);
      throw new AppError('TWO_FACTOR_REQUIRED', 'Enter the code from your authenticator app.', { challenge });
    }
    return this.sessions.start(credentials.id, meta);
  }

  async register(input: RegisterInput, meta: SessionMeta) {
    const { userId } = await this.invitations.registerWithInvitation(input);
    return this.sessions.start(userId, meta);
  }

  async signOut(viewer: Viewer) {
    await this.sessions.revoke(viewer, viewer.sessionId);
  }
}
