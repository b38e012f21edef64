import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { disableTwoFactorSchema, enableTwoFactorSchema, twoFactorSignInSchema } from '@commons/shared';
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { MailService } from '../mail/mail.service';
import { accountNoticeEmail, emailLocale } from '../mail/templates/emails';
import type { Viewer } from '../platform/auth/viewer';
import { AppError, conflict, invalid, parseInput } from '../platform/graphql/app-error';
import { AccountLimiter } from './account-limiter';
import { type AccountRow, AccountRepository } from './account.repository';
import { verifyPassword } from '../platform/auth/password';
import { hashToken, newSessionToken } from '../platform/auth/session-token';
import { type SessionMeta, SessionService } from '../platform/auth/session.service';

const CHALLENGE_TTL_MS = 5 * 60_000;
/** Codes one sign-in challenge may try; the account's own limit (AccountLimiter) spans challenges. */
const CHALLENGE_MAX_ATTEMPTS = 5;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** One step either side (±30 s) for a clock that is a little off. */
const EPOCH_TOLERANCE_SECONDS = 30;

const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(code.replace(/-/g, '').toLowerCase()).digest('hex');

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

const wrongCode = (field: string) => invalid(field, 'not_right');

/**
 * Two-factor sign-in with TOTP (RFC 6238, otplib): enrolment shows a secret (and its QR code)
 * that takes effect once a code from it is confirmed; recovery codes are shown once and stored
 * hashed; each accepted code's time step is recorded, so a code is never accepted twice.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionService,
    private readonly limiter: AccountLimiter,
    private readonly mail: MailService,
  ) {}

  async status(viewer: Viewer) {
    const account = await this.accounts.find(viewer.userId);
    const enabled = Boolean(account?.twoFactorEnabledAt);
    return {
      enabled,
      enabledAt: account?.twoFactorEnabledAt ?? null,
      recoveryCodesLeft: enabled ? await this.accounts.recoveryCodesLeft(viewer.userId) : 0,
    };
  }

  /** A new secret for the viewer's authenticator app; two-factor stays off until `enable` confirms a code. */
  async beginEnrolment(viewer: Viewer) {
    const account = await this.requireAccount(viewer.userId);
    if (account.twoFactorEnabledAt)
      throw conflict('two_factor_on', 'Two-factor sign-in is already on. Turn it off first to enrol another app.');
    const secret = generateSecret();
    await this.accounts.setTwoFactorSecret(viewer.userId, secret);
    const otpauthUri = generateURI({ issuer: 'Commons', label: account.email, secret });
    const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { secret, otpauthUri, qrSvg };
  }

  /** Turns two-factor on once a code from the new secret checks; returns the recovery codes, shown this once. */
  async enable(viewer: Viewer, input: { code: string }): Promise<string[]> {
    const { code } = parseInput(enableTwoFactorSchema, input, 'input');
    const account = await this.requireAccount(viewer.userId);
    if (account.twoFactorEnabledAt) throw conflict('two_factor_on', 'Two-factor sign-in is already on.');
    if (!account.twoFactorSecret) throw conflict('enrolment_not_started', 'Start the enrolment first.');
    await this.limiter.codeAttempt(account.id);
    if (!(await this.checkTotp(account, code))) throw wrongCode('input.code');
    await this.limiter.codeAccepted(account.id);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.accounts.transaction(async (db) => {
      await this.accounts.enableTwoFactor(account.id, codes.map(hashRecoveryCode), db);
      await this.notice(db, account, 'TWO_FACTOR_ENABLED');
    });
    return codes;
  }

  async disable(viewer: Viewer, input: { currentPassword: string; code: string }): Promise<boolean> {
    const parsed = parseInput(disableTwoFactorSchema, input, 'input');
    const account = await this.requireAccount(viewer.userId);
    if (!account.twoFactorEnabledAt) return true;
    if (!(await verifyPassword(account.passwordHash, parsed.currentPassword)))
      throw invalid('input.currentPassword', 'not_right');
    await this.limiter.codeAttempt(account.id);
    if (!(await this.checkCode(account, parsed.code))) throw wrongCode('input.code');
    await this.limiter.codeAccepted(account.id);
    await this.accounts.transaction(async (db) => {
      await this.accounts.disableTwoFactor(account.id, db);
      await this.notice(db, account, 'TWO_FACTOR_DISABLED');
    });
    return true;
  }

  /** After a right password on an account with two-factor: a short-lived token for the code step. */
  async challenge(userId: string): Promise<string> {
    const { token, tokenHash } = newSessionToken();
    await this.accounts.createToken({
      userId,
      purpose: 'TWO_FACTOR_SIGN_IN',
      tokenHash,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    });
    return token;
  }

  /** The code step of sign-in: a TOTP code or a recovery code against the challenge; starts the session. */
  async completeSignIn(input: { challenge: string; code: string }, meta: SessionMeta) {
    const parsed = parseInput(twoFactorSignInSchema, input, 'input');
    const token = await this.accounts.usableToken(hashToken(parsed.challenge), 'TWO_FACTOR_SIGN_IN');
    const expired = () =>
      new AppError('UNAUTHENTICATED', 'The sign-in took too long or had too many wrong codes: sign in again.', {
        field: 'input.challenge',
        reason: 'sign_in_expired',
      });
    if (!token) throw expired();
    await this.limiter.codeAttempt(token.userId);
    const tried = await this.accounts.tryChallenge(token.id, CHALLENGE_MAX_ATTEMPTS);
    if (!tried) throw expired();
    const account = await this.requireAccount(tried.userId);
    if (!account.twoFactorEnabledAt || !(await this.checkCode(account, parsed.code))) throw wrongCode('input.code');
    await this.limiter.codeAccepted(account.id);
    const used = await this.accounts.transaction((db) => this.accounts.useToken(token.id, db));
    if (!used) throw expired();
    return this.sessions.start(account.id, meta);
  }

  private async checkCode(account: AccountRow, code: string): Promise<boolean> {
    if (/^\d{6}$/.test(code)) return this.checkTotp(account, code);
    return this.accounts.useRecoveryCode(account.id, hashRecoveryCode(code));
  }

  private async checkTotp(account: AccountRow, code: string): Promise<boolean> {
    if (!account.twoFactorSecret) return false;
    const result = verifySync({
      secret: account.twoFactorSecret,
      token: code,
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
    });
    if (!result.valid) return false;
    return this.accounts.acceptStep(account.id, (result as { timeStep: number }).timeStep);
  }

  private async requireAccount(userId: string): Promise<AccountRow> {
    const account = await this.accounts.find(userId);
    if (!account) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    return account;
  }

  private notice(
    db: Parameters<MailService['queue']>[0],
    account: AccountRow,
    notice: 'TWO_FACTOR_ENABLED' | 'TWO_FACTOR_DISABLED',
  ) {
    const locale = emailLocale(account.locale);
    const at = new Date();
    return this.mail.queue(db, [
      {
        kind: 'TWO_FACTOR_CHANGED',
        dedupeKey: `two-factor:${account.id}:${at.getTime()}`,
        to: account.email,
        userId: account.id,
        locale,
        render: () => accountNoticeEmail(locale, notice, { at }),
      },
    ]);
  }
}
