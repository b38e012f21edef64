import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { lockNetworkCreation } from '../platform/database/network-creation-lock';
import { PrismaService } from '../platform/database/prisma.service';

export interface NewNetwork {
  name: string;
  slug: string;
  startedOn: Date;
  sites: { name: string; slug: string }[];
}

/** Networks made from nothing (the first-run page, `npm run setup`) and the first-run setup codes. */
@Injectable()
export class SetupRepository {
  constructor(private readonly prisma: PrismaService) {}

  async anyNetwork(db: Db = this.prisma): Promise<boolean> {
    return (await db.network.findFirst({ select: { id: true } })) !== null;
  }

  async slugTaken(slug: string, db: Db = this.prisma): Promise<boolean> {
    return (await db.network.findUnique({ where: { slug }, select: { id: true } })) !== null;
  }

  /** Creates the network and its sites; null when its slug was taken meanwhile. */
  async createNetwork(network: NewNetwork, db: Db): Promise<{ id: string; slug: string } | null> {
    try {
      const created = await db.network.create({
        data: { name: network.name, slug: network.slug, startedOn: network.startedOn },
        select: { id: true, slug: true },
      });
      // One statement for the sites (a nested create would send its inserts concurrently on the transaction's connection).
      await db.site.createMany({ data: network.sites.map((site) => ({ ...site, networkId: created.id })) });
      return created;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** The invitation that makes `email` the network's first admin; it has no inviter. */
  createAdminInvitation(data: { networkId: string; email: string; tokenHash: string; expiresAt: Date }, db: Db) {
    return db.invitation.create({
      data: { ...data, role: 'NETWORK_ADMIN', siteId: null, invitedById: null },
      select: { id: true, expiresAt: true },
    });
  }

  createSetupToken(tokenHash: string, expiresAt: Date) {
    return this.prisma.setupToken.create({ data: { tokenHash, expiresAt }, select: { id: true } });
  }

  findSetupToken(tokenHash: string, db: Db = this.prisma) {
    return db.setupToken.findUnique({ where: { tokenHash }, select: { id: true, expiresAt: true, usedAt: true } });
  }

  /** Uses the code up, unless another request used it first or it expired; true when this one did. */
  async useSetupToken(id: string, at: Date, db: Db): Promise<boolean> {
    const { count } = await db.setupToken.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
    });
    return count === 1;
  }

  /** A transaction that holds the network-creation lock: only one creator at a time, across processes. */
  withCreationLock<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await lockNetworkCreation(tx);
      return work(tx);
    });
  }
}
