import { Injectable } from '@nestjs/common';
import type { Position, Prisma, ProposalKind, Role } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';

export const PROPOSAL_SELECT = {
  id: true,
  networkId: true,
  threadId: true,
  kind: true,
  question: true,
  details: true,
  proposerId: true,
  closesAt: true,
  closedAt: true,
  outcome: true,
  outcomeAt: true,
  dotsPerMember: true,
  revision: true,
  createdAt: true,
  proposer: { select: { name: true } },
  options: { select: { id: true, label: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ProposalSelect;

export type ProposalRow = Prisma.ProposalGetPayload<{ select: typeof PROPOSAL_SELECT }>;

export interface PositionRow {
  proposalId: string;
  userId: string;
  name: string;
  role: Role;
  position: Position;
  reason: string;
  updatedAt: Date;
}

export interface DotVoteRow {
  proposalId: string;
  optionId: string;
  userId: string;
  name: string;
  role: Role;
  dots: number;
}

/** Where a proposal is, for the decisions that may rest on it. */
export interface ProposalBasis {
  id: string;
  kind: ProposalKind;
  threadSubjectType: string;
  threadSubjectId: string;
}

const REF_SELECT = {
  id: true,
  question: true,
  closesAt: true,
  closedAt: true,
  positions: { where: { position: 'BLOCK' }, select: { userId: true }, take: 1 },
} as const;

/** A proposal as decisions refer to it: its question, whether it is open, and whether a block stands. */
export interface ProposalRefRow {
  id: string;
  question: string;
  closesAt: Date;
  closedAt: Date | null;
  blocked: boolean;
}

/** How many proposals a thread shows, newest first. */
export const PROPOSALS_PER_THREAD = 50;

/** Proposals in threads, their options, positions and dot votes. */
@Injectable()
export class ProposalRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma): Promise<ProposalRow | null> {
    return db.proposal.findUnique({ where: { id }, select: PROPOSAL_SELECT });
  }

  /** A thread's proposals, newest first. */
  ofThread(threadId: string): Promise<ProposalRow[]> {
    return this.prisma.proposal.findMany({
      where: { threadId },
      select: PROPOSAL_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: PROPOSALS_PER_THREAD,
    });
  }

  create(
    db: Db,
    data: {
      networkId: string;
      threadId: string;
      kind: ProposalKind;
      question: string;
      details: string;
      proposerId: string;
      closesAt: Date;
      dotsPerMember: number | null;
      options: string[];
      at: Date;
    },
  ): Promise<ProposalRow> {
    const { options, at, ...proposal } = data;
    return db.proposal.create({
      data: {
        ...proposal,
        createdAt: at,
        options: { create: options.map((label, position) => ({ label, position })) },
      },
      select: PROPOSAL_SELECT,
    });
  }

  /**
   * Takes the proposal's row lock and counts a change, when it is still open at `at`: the new
   * revision, or null when it has closed. Changes to one proposal thus happen one at a time, in
   * revision order.
   */
  async bumpIfOpen(db: Prisma.TransactionClient, id: string, at: Date): Promise<number | null> {
    const rows = await db.$queryRaw<{ revision: number }[]>`
      UPDATE "Proposal" SET "revision" = "revision" + 1
      WHERE "id" = ${id}::uuid AND "closedAt" IS NULL AND "closesAt" > ${at}
      RETURNING "revision"`;
    return rows[0]?.revision ?? null;
  }

  /** Closes the proposal (when still open) and records its outcome; returns the new revision. */
  async close(db: Prisma.TransactionClient, id: string, outcome: string, at: Date): Promise<number> {
    const rows = await db.$queryRaw<{ revision: number }[]>`
      UPDATE "Proposal" SET "revision" = "revision" + 1, "outcome" = ${outcome}, "outcomeAt" = ${at},
        "closedAt" = COALESCE("closedAt", LEAST("closesAt", ${at}))
      WHERE "id" = ${id}::uuid
      RETURNING "revision"`;
    return rows[0].revision;
  }

  async setPosition(
    db: Db,
    data: { proposalId: string; userId: string; role: Role; position: Position; reason: string; at: Date },
  ): Promise<void> {
    const { proposalId, userId, at, ...position } = data;
    await db.proposalPosition.upsert({
      where: { proposalId_userId: { proposalId, userId } },
      create: { proposalId, userId, ...position, createdAt: at, updatedAt: at },
      update: { ...position, updatedAt: at },
    });
  }

  /** Replaces a member's dots on a proposal (none: she takes her votes back). */
  async setDots(
    db: Db,
    data: { proposalId: string; userId: string; role: Role; votes: { optionId: string; dots: number }[]; at: Date },
  ): Promise<void> {
    await db.proposalDotVote.deleteMany({ where: { proposalId: data.proposalId, userId: data.userId } });
    const votes = data.votes.filter((v) => v.dots > 0);
    if (votes.length === 0) return;
    await db.proposalDotVote.createMany({
      data: votes.map((v) => ({
        proposalId: data.proposalId,
        optionId: v.optionId,
        userId: data.userId,
        role: data.role,
        dots: v.dots,
        updatedAt: data.at,
      })),
    });
  }

  /** Positions on `proposalIds`, earliest first. */
  async positionsOf(proposalIds: string[], db: Db = this.prisma): Promise<PositionRow[]> {
    if (proposalIds.length === 0) return [];
    const rows = await db.proposalPosition.findMany({
      where: { proposalId: { in: proposalIds } },
      select: {
        proposalId: true,
        userId: true,
        role: true,
        position: true,
        reason: true,
        updatedAt: true,
        user: { select: { name: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
    });
    return rows.map(({ user, ...row }) => ({ ...row, name: user.name }));
  }

  /** Dot votes on `proposalIds`. */
  async dotVotesOf(proposalIds: string[], db: Db = this.prisma): Promise<DotVoteRow[]> {
    if (proposalIds.length === 0) return [];
    const rows = await db.proposalDotVote.findMany({
      where: { proposalId: { in: proposalIds } },
      select: {
        proposalId: true,
        optionId: true,
        userId: true,
        role: true,
        dots: true,
        user: { select: { name: true } },
      },
      orderBy: [{ updatedAt: 'asc' }, { userId: 'asc' }, { optionId: 'asc' }],
    });
    return rows.map(({ user, ...row }) => ({ ...row, name: user.name }));
  }

  /** The change idea's proposer and active co-designers, with their names: the people expected to take a position. */
  async takingPart(ideaId: string, networkId: string): Promise<{ userId: string; name: string }[]> {
    const rows = await this.prisma.changeIdeaCoDesigner.findMany({
      where: { ideaId, status: 'ACTIVE', user: { memberships: { some: { networkId, deactivatedAt: null } } } },
      select: { userId: true, user: { select: { name: true } } },
      orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }],
    });
    return rows.map((row) => ({ userId: row.userId, name: row.user.name }));
  }

  /** The idea's title and how `userId` stands towards it. */
  async ideaStanding(ideaId: string, userId: string) {
    const idea = await this.prisma.changeIdea.findUnique({
      where: { id: ideaId },
      select: {
        id: true,
        title: true,
        proposerId: true,
        coDesigners: { where: { userId, status: 'ACTIVE' }, select: { userId: true } },
      },
    });
    return (
      idea && { title: idea.title, isProposer: idea.proposerId === userId, isCoDesigner: idea.coDesigners.length > 0 }
    );
  }

  /** Where proposal `id` lives, or null. */
  async basis(id: string, db: Db = this.prisma): Promise<ProposalBasis | null> {
    const row = await db.proposal.findUnique({
      where: { id },
      select: { id: true, kind: true, thread: { select: { subjectType: true, subjectId: true } } },
    });
    return (
      row && {
        id: row.id,
        kind: row.kind,
        threadSubjectType: row.thread.subjectType,
        threadSubjectId: row.thread.subjectId,
      }
    );
  }

  /** Whether anyone's position on proposal `id` is BLOCK now. */
  async blocked(id: string, db: Db = this.prisma): Promise<boolean> {
    return (await db.proposalPosition.count({ where: { proposalId: id, position: 'BLOCK' } })) > 0;
  }

  /** The roles of everyone who took a position or spread dots on a proposal in the change idea's thread. */
  async voiceRolesOfIdea(ideaId: string, db: Db = this.prisma): Promise<Role[]> {
    return (await this.voiceRolesOfIdeas([ideaId], db)).get(ideaId) ?? [];
  }

  /** `voiceRolesOfIdea` for several ideas in two queries. */
  async voiceRolesOfIdeas(ideaIds: string[], db: Db = this.prisma): Promise<Map<string, Role[]>> {
    const proposal = { thread: { subjectType: 'CHANGE_IDEA' as const, subjectId: { in: ideaIds } } };
    const select = { role: true, proposal: { select: { thread: { select: { subjectId: true } } } } } as const;
    const [positions, dots] = await Promise.all([
      db.proposalPosition.findMany({ where: { proposal }, select }),
      db.proposalDotVote.findMany({ where: { proposal }, select }),
    ]);
    const roles = new Map<string, Role[]>();
    for (const row of [...positions, ...dots]) {
      const ideaId = row.proposal.thread.subjectId;
      roles.set(ideaId, [...(roles.get(ideaId) ?? []), row.role]);
    }
    return roles;
  }

  /** Proposals `ids` as decisions refer to them. */
  async refs(ids: string[]): Promise<ProposalRefRow[]> {
    return this.refRows({ id: { in: ids } });
  }

  /** The proposals in the threads of change ideas `ideaIds`, newest first. */
  async refsOfIdeas(ideaIds: string[]): Promise<(ProposalRefRow & { ideaId: string })[]> {
    const rows = await this.prisma.proposal.findMany({
      where: { thread: { subjectType: 'CHANGE_IDEA', subjectId: { in: ideaIds } } },
      select: { ...REF_SELECT, thread: { select: { subjectId: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map(({ thread, positions, ...row }) => ({
      ...row,
      blocked: positions.length > 0,
      ideaId: thread.subjectId,
    }));
  }

  private async refRows(where: Prisma.ProposalWhereInput): Promise<ProposalRefRow[]> {
    const rows = await this.prisma.proposal.findMany({ where, select: REF_SELECT });
    return rows.map(({ positions, ...row }) => ({ ...row, blocked: positions.length > 0 }));
  }
}
