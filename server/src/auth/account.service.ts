import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  changePasswordSchema,
  confirmEmailChangeSchema,
  requestEmailChangeSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
} from '@commons/shared';
import { MailService } from '../mail/mail.service';
import {
  type AccountNotice,
  accountNoticeEmail,
  emailChangeVerifyEmail,
  emailLocale,
  passwordResetEmail,
} from '../mail/templates/emails';
import type { Db } from '../platform/database/db';
import type { Viewer } from '../platform/auth/viewer';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { AppError, conflict, invalid, parseInput } from '../platform/graphql/app-error';
import { AccountLimiter } from './account-limiter';
import { type AccountRow, AccountRepository } from './account.repository';
import { hashPassword, verifyPassword } from '../platform/auth/password';
import { hashToken, newSessionToken } from '../platform/auth/session-token';
import { SessionService } from '../platform/auth/session.service';
import { SignInLimiter } from './sign-in-limiter';

const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;
const invalidLink = () => invalid('input.token', 'link_invalid');

/**
 * Account self-service: change password, forgotten password, change of address. Every change is
 * told to the address concerned by email, and a new password ends the other sessions.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly signInLimiter: SignInLimiter,
    private readonly limiter: AccountLimiter,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Needs the current password (counted like a sign-in attempt); ends every other session. */
  async changePassword(
    viewer: Viewer,
    input: { currentPassword: string; newPassword: string },
    ip: string,
  ): Promise<number> {
    const parsed = parseInput(changePasswordSchema, input, 'input');
    const account = await this.requireAccount(viewer.userId);
    await this.signInLimiter.consumeAttempt(ip, account.email);
    if (!(await verifyPassword(account.passwordHash, parsed.currentPassword)))
      throw invalid('input.currentPassword', 'not_right');
    await this.signInLimiter.recordSuccess(account.email);
    const passwordHash = await hashPassword(parsed.newPassword);
    return this.accounts.transaction(async (db) => {
      await this.accounts.setPassword(account.id, passwordHash, db);
      await this.accounts.expireTokens(account.id, 'PASSWORD_RESET', db);
      const ended = await this.sessions.endAll(account.id, viewer.sessionId, db);
      await this.notice(db, account, 'PASSWORD_CHANGED', account.email);
      return ended;
    });
  }

  /**
   * Emails a single-use reset link when the address has an account. The answer is the same either
   * way, and as quick, so it tells nobody which addresses have accounts.
   */
  async requestPasswordReset(input: { email: string }, ip: string, origin: string): Promise<boolean> {
    const { email } = parseInput(requestPasswordResetSchema, input, 'input');
    await this.limiter.resetRequest(ip);
    const account = await this.accounts.findByEmail(email);
    // The answer does not wait for the email to be queued, so its timing does not tell either.
    if (account)
      void this.queueReset(account, origin).catch((error: Error) =>
        this.logger.warn(`password reset for ${account.id} not queued: ${error.message}`),
      );
    return true;
  }

  private async queueReset(account: AccountRow, origin: string): Promise<void> {
    if (!(await this.limiter.resetEmailAllowed(account.email))) return;
    const { token, tokenHash } = newSessionToken();
    const validMinutes = Math.round(this.config.passwordResetTtlMs / 60_000);
    const locale = emailLocale(account.locale);
    const link = `${this.config.publicUrl ?? origin}/reset-password/${token}`;
    await this.accounts.transaction(async (db) => {
      await this.accounts.createToken(
        {
          userId: account.id,
          purpose: 'PASSWORD_RESET',
          tokenHash,
          expiresAt: new Date(Date.now() + this.config.passwordResetTtlMs),
        },
        db,
      );
      await this.mail.queue(db, [
        {
          kind: 'PASSWORD_RESET',
          dedupeKey: `password-reset:${tokenHash}`,
          to: account.email,
          userId: account.id,
          locale,
          render: () => passwordResetEmail(locale, { link, validMinutes }),
        },
      ]);
    });
  }

  /** Sets a new password with a reset link, once; every session of the account ends, and the address is told. */
  async resetPassword(input: { token: string; newPassword: string }): Promise<boolean> {
    const parsed = parseInput(resetPasswordSchema, input, 'input');
    const token = await this.accounts.usableToken(hashToken(parsed.token), 'PASSWORD_RESET');
    if (!token) throw invalidLink();
    const passwordHash = await hashPassword(parsed.newPassword);
    await this.accounts.transaction(async (db) => {
      if (!(await this.accounts.useToken(token.id, db))) throw invalidLink();
      const account = (await this.accounts.find(token.userId, db))!;
      await this.accounts.setPassword(account.id, passwordHash, db);
      await this.accounts.expireTokens(account.id, 'PASSWORD_RESET', db);
      await this.sessions.endAll(account.id, null, db);
      await this.notice(db, account, 'PASSWORD_RESET_DONE', account.email);
    });
    await this.signInLimiter.recordSuccess((await this.accounts.find(token.userId))?.email ?? '');
    return true;
  }

  /** Sends a confirmation link to the new address; nothing changes until it is opened. */
  async requestEmailChange(
    viewer: Viewer,
    input: { newEmail: string; currentPassword: string },
    ip: string,
    origin: string,
  ): Promise<boolean> {
    const parsed = parseInput(requestEmailChangeSchema, input, 'input');
    const account = await this.requireAccount(viewer.userId);
    await this.signInLimiter.consumeAttempt(ip, account.email);
    if (!(await verifyPassword(account.passwordHash, parsed.currentPassword)))
      throw invalid('input.currentPassword', 'not_right');
    await this.signInLimiter.recordSuccess(account.email);
    if (parsed.newEmail === account.email) throw invalid('input.newEmail', 'same_address');
    if (await this.accounts.emailTaken(parsed.newEmail))
      throw conflict('address_taken', 'Another account uses this address.', { field: 'input.newEmail' });
    const { token, tokenHash } = newSessionToken();
    const locale = emailLocale(account.locale);
    const link = `${this.config.publicUrl ?? origin}/confirm-email/${token}`;
    await this.accounts.transaction(async (db) => {
      await this.accounts.expireTokens(account.id, 'EMAIL_CHANGE', db);
      await this.accounts.createToken(
        {
          userId: account.id,
          purpose: 'EMAIL_CHANGE',
          tokenHash,
          newEmail: parsed.newEmail,
          expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_MS),
        },
        db,
      );
      await this.mail.queue(db, [
        {
          kind: 'EMAIL_CHANGE_VERIFY',
          dedupeKey: `email-change:${tokenHash}`,
          to: parsed.newEmail,
          userId: account.id,
          locale,
          render: () =>
            emailChangeVerifyEmail(locale, {
              newEmail: parsed.newEmail,
              link,
              validMinutes: EMAIL_CHANGE_TTL_MS / 60_000,
            }),
        },
      ]);
    });
    return true;
  }

  /** Opens a confirmation link: the address changes, and the old address is told. */
  async confirmEmailChange(input: { token: string }): Promise<{ email: string }> {
    const parsed = parseInput(confirmEmailChangeSchema, input, 'input');
    const token = await this.accounts.usableToken(hashToken(parsed.token), 'EMAIL_CHANGE');
    if (!token?.newEmail) throw invalidLink();
    const newEmail = token.newEmail;
    await this.accounts.transaction(async (db) => {
      if (!(await this.accounts.useToken(token.id, db))) throw invalidLink();
      const account = (await this.accounts.find(token.userId, db))!;
      if (!(await this.accounts.setEmail(account.id, newEmail, db)))
        throw conflict('address_taken', 'Another account uses this address now.', { field: 'input.token' });
      await this.notice(db, account, 'EMAIL_CHANGED', account.email, newEmail);
    });
    return { email: newEmail };
  }

  private async requireAccount(userId: string): Promise<AccountRow> {
    const account = await this.accounts.find(userId);
    if (!account) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    return account;
  }

  private notice(db: Db, account: AccountRow, notice: AccountNotice, to: string, newEmail?: string) {
    const locale = emailLocale(account.locale);
    const at = new Date();
    const kind = notice === 'EMAIL_CHANGED' ? 'EMAIL_CHANGED' : 'PASSWORD_CHANGED';
    return this.mail.queue(db, [
      {
        kind,
        dedupeKey: `${notice}:${account.id}:${at.getTime()}`,
        to,
        userId: account.id,
        locale,
        render: () => accountNoticeEmail(locale, notice, { email: newEmail, at }),
      },
    ]);
  }
}
