import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';

/** Profile columns; never the password hash. */
export const PROFILE_SELECT = {
  id: true,
  email: true,
  name: true,
  pronouns: true,
  bio: true,
  interests: true,
  locale: true,
} as const;

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findProfile(id: string) {
    return this.prisma.user.findUnique({ where: { id }, select: PROFILE_SELECT });
  }

  /** The one read of a password hash, for signing in. */
  findCredentials(email: string) {
    return this.prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  }

  emailTaken(email: string, db: Db = this.prisma) {
    return db.user.findUnique({ where: { email }, select: { id: true } }).then(Boolean);
  }

  /** Creates the user; null when the email is taken (also by a transaction that committed meanwhile). */
  async create(data: { email: string; name: string; passwordHash: string }, db: Db = this.prisma) {
    try {
      return await db.user.create({ data, select: PROFILE_SELECT });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  updateProfile(
    id: string,
    data: { name: string; pronouns: string | null; bio: string; interests: string[]; locale: string | null },
  ) {
    return this.prisma.user.update({ where: { id }, data, select: PROFILE_SELECT });
  }

  memberships(userId: string) {
    return this.prisma.membership.findMany({
      where: { userId },
      orderBy: { joinedAt: 'asc' },
      select: { id: true, role: true, siteId: true, networkId: true, joinedAt: true, deactivatedAt: true },
    });
  }
}
