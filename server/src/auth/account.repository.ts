import { Injectable } from '@nestjs/common';
import { type AccountTokenPurpose, Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';

const ACCOUNT_SELECT = {
  id: true,
  email: true,
  name: true,
  locale: true,
  passwordHash: true,
  twoFactorSecret: true,
  twoFactorEnabledAt: true,
  twoFactorLastStep: true,
} as const;
export type AccountRow = Prisma.UserGetPayload<{ select: typeof ACCOUNT_SELECT }>;

/** Accounts: credentials, single-use tokens and two-factor state. */
@Injectable()
export class AccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  find(userId: string, db: Db = this.prisma): Promise<AccountRow | null> {
    return db.user.findUnique({ where: { id: userId }, select: ACCOUNT_SELECT });
  }

  findByEmail(email: string): Promise<AccountRow | null> {
    return this.prisma.user.findUnique({ where: { email }, select: ACCOUNT_SELECT });
  }

  async setPassword(userId: string, passwordHash: string, db: Db = this.prisma): Promise<void> {
    await db.user.update({ where: { id: userId }, data: { passwordHash } });
  }

  /** Changes the address; false when another account has it (also one committed meanwhile). */
  async setEmail(userId: string, email: string, db: Db): Promise<boolean> {
    try {
      await db.user.update({ where: { id: userId }, data: { email } });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  emailTaken(email: string, db: Db = this.prisma): Promise<boolean> {
    return db.user.findUnique({ where: { email }, select: { id: true } }).then(Boolean);
  }

  async createToken(
    data: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date; newEmail?: string },
    db: Db = this.prisma,
  ) {
    await db.accountToken.create({ data });
  }

  /** A token of `purpose` that is unused and unexpired, or null. */
  usableToken(tokenHash: string, purpose: AccountTokenPurpose, db: Db = this.prisma) {
    return db.accountToken.findFirst({
      where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, userId: true, newEmail: true, attempts: true },
    });
  }

  /** Uses a token up; false when it was used meanwhile (two tabs, two requests at once). */
  async useToken(id: string, db: Db): Promise<boolean> {
    const { count } = await db.accountToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
    return count === 1;
  }

  /** Ends every other unused token of the user and purpose (a reset link asked for twice, a reset done). */
  async expireTokens(userId: string, purpose: AccountTokenPurpose, db: Db = this.prisma): Promise<void> {
    await db.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } });
  }

  /** Counts one code tried against a sign-in challenge; null when it has no tries left (or is gone). */
  async tryChallenge(id: string, maxAttempts: number): Promise<{ userId: string } | null> {
    const [row] = await this.prisma.$queryRaw<{ userId: string }[]>`
      UPDATE "AccountToken" SET attempts = attempts + 1
      WHERE id = ${id}::uuid AND "usedAt" IS NULL AND attempts < ${maxAttempts} AND "expiresAt" > (now() AT TIME ZONE 'UTC')
      RETURNING "userId"`;
    return row ?? null;
  }

  async setTwoFactorSecret(userId: string, secret: string): Promise<void> {
    await this.prisma.user.update({
      where: { id: userId },
      data: { twoFactorSecret: secret, twoFactorEnabledAt: null, twoFactorLastStep: null },
    });
  }

  /**
   * Records that the TOTP code of `step` was accepted, only if no code of that step or later was:
   * false means a replay (or a race with another sign-in using the same code).
   */
  async acceptStep(userId: string, step: number, db: Db = this.prisma): Promise<boolean> {
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ twoFactorLastStep: null }, { twoFactorLastStep: { lt: step } }] },
      data: { twoFactorLastStep: step },
    });
    return count === 1;
  }

  async enableTwoFactor(userId: string, codeHashes: string[], db: Db): Promise<void> {
    await db.user.update({ where: { id: userId }, data: { twoFactorEnabledAt: new Date() } });
    await db.twoFactorRecoveryCode.deleteMany({ where: { userId } });
    await db.twoFactorRecoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ userId, codeHash })) });
  }

  async disableTwoFactor(userId: string, db: Db): Promise<void> {
    await db.user.update({
      where: { id: userId },
      data: { twoFactorSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null },
    });
    await db.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  }

  /** Uses a recovery code up; false when it is unknown or used. */
  async useRecoveryCode(userId: string, codeHash: string, db: Db = this.prisma): Promise<boolean> {
    const { count } = await db.twoFactorRecoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    return count === 1;
  }

  recoveryCodesLeft(userId: string): Promise<number> {
    return this.prisma.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } });
  }
}
