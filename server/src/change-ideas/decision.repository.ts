import { Injectable } from '@nestjs/common';
import type { ChangeIdeaStatus, DecisionAnswer, Prisma, Role } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { PrismaService } from '../platform/database/prisma.service';
import { IDEA_SELECT, type IdeaRow } from './change-idea.select';

export const DECISION_SELECT = {
  id: true,
  ideaId: true,
  status: true,
  fromStatus: true,
  toStatus: true,
  decision: true,
  rationale: true,
  nextDecisionOn: true,
  patientVoiceReason: true,
  proposalId: true,
  decidedById: true,
  proposedAt: true,
  expiresAt: true,
  decidedAt: true,
  closedAt: true,
  participants: {
    select: { userId: true, role: true, coDesigner: true, answer: true, answeredAt: true, comment: true },
    orderBy: [{ answeredAt: { sort: 'asc', nulls: 'last' } }, { userId: 'asc' }],
  },
} as const satisfies Prisma.ChangeIdeaDecisionSelect;

export type DecisionRow = Prisma.ChangeIdeaDecisionGetPayload<{ select: typeof DECISION_SELECT }>;

export interface NewDecision {
  ideaId: string;
  fromStatus: ChangeIdeaStatus;
  toStatus: ChangeIdeaStatus;
  decision: string;
  rationale: string;
  nextDecisionOn: Date | null;
  patientVoiceReason: string;
  proposalId: string | null;
  decidedById: string;
  proposedAt: Date;
  expiresAt: Date;
}

/**
 * Decisions on change ideas and their participants' answers. A decision is recorded PENDING and
 * changes status only from PENDING (every write below says so in its WHERE), so a decision that
 * ended meanwhile is never changed again.
 */
@Injectable()
export class DecisionRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { timeout: 30_000 });
  }

  find(id: string, db: Db = this.prisma): Promise<DecisionRow | null> {
    return db.changeIdeaDecision.findUnique({ where: { id }, select: DECISION_SELECT });
  }

  /** Holds the decision's row until the transaction ends, so answers to it are taken one at a time. */
  async lock(db: Prisma.TransactionClient, id: string): Promise<void> {
    await db.$queryRaw`SELECT 1 FROM "ChangeIdeaDecision" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  /** Every decision on `ideaIds`, waiting and ended ones included, the most recently proposed first. */
  decisionsOf(ideaIds: string[]): Promise<DecisionRow[]> {
    return this.prisma.changeIdeaDecision.findMany({
      where: { ideaId: { in: ideaIds } },
      select: DECISION_SELECT,
      orderBy: [{ proposedAt: 'desc' }, { id: 'asc' }],
    });
  }

  /** The decision on `ideaId` still waiting at `now`, if any. */
  pendingOf(ideaId: string, now: Date, db: Db = this.prisma): Promise<DecisionRow | null> {
    return db.changeIdeaDecision.findFirst({
      where: { ideaId, status: 'PENDING', expiresAt: { gt: now } },
      select: DECISION_SELECT,
    });
  }

  /** Marks the idea's (or every idea's) pending decisions past their expiry EXPIRED, as of their expiry; returns how many. */
  async expireDue(now: Date, ideaId: string | null, db: Db = this.prisma): Promise<number> {
    return db.$executeRaw`
      UPDATE "ChangeIdeaDecision" SET "status" = 'EXPIRED', "closedAt" = "expiresAt"
      WHERE "status" = 'PENDING' AND "expiresAt" <= ${now} AND (${ideaId}::uuid IS NULL OR "ideaId" = ${ideaId}::uuid)`;
  }

  /** Records a pending decision; its recorder has confirmed it, everyone else waits. */
  create(
    db: Db,
    data: NewDecision,
    participants: { userId: string; role: Role; coDesigner: boolean }[],
  ): Promise<DecisionRow> {
    return db.changeIdeaDecision.create({
      data: {
        ...data,
        status: 'PENDING',
        participants: {
          create: participants.map((p) => ({
            ...p,
            answer: p.userId === data.decidedById ? ('CONFIRMED' as const) : ('WAITING' as const),
            answeredAt: p.userId === data.decidedById ? data.proposedAt : null,
          })),
        },
      },
      select: DECISION_SELECT,
    });
  }

  /** Records a participant's answer, with her role now and her comment. */
  async answer(
    db: Db,
    decisionId: string,
    userId: string,
    answer: Extract<DecisionAnswer, 'CONFIRMED' | 'DECLINED'>,
    role: Role,
    comment: string,
    at: Date,
  ): Promise<void> {
    await db.changeIdeaDecisionParticipant.update({
      where: { decisionId_userId: { decisionId, userId } },
      data: { answer, role, comment, answeredAt: at },
    });
  }

  /** Ends a pending decision with `status`; false when it no longer waited. */
  async close(db: Db, id: string, status: 'TAKEN' | 'DECLINED' | 'WITHDRAWN', at: Date): Promise<boolean> {
    const { count } = await db.changeIdeaDecision.updateMany({
      where: { id, status: 'PENDING' },
      data: { status, closedAt: at, ...(status === 'TAKEN' ? { decidedAt: at } : {}) },
    });
    return count === 1;
  }

  /**
   * Moves the idea when it is still in `fromStatus` (the optimistic check of a decision taking
   * effect: whatever happened meanwhile, an idea never moves from a status it left); null when not.
   */
  async moveIdea(
    db: Db,
    ideaId: string,
    fromStatus: ChangeIdeaStatus,
    toStatus: ChangeIdeaStatus,
    nextDecisionOn: Date | null,
    at: Date,
  ): Promise<IdeaRow | null> {
    const { count } = await db.changeIdea.updateMany({
      where: { id: ideaId, status: fromStatus },
      data: { status: toStatus, nextDecisionOn, statusChangedAt: at, updatedAt: at, version: { increment: 1 } },
    });
    return count === 0 ? null : db.changeIdea.findUnique({ where: { id: ideaId }, select: IDEA_SELECT });
  }

  /**
   * Decisions in `networkId` still waiting at `now` for `userId`'s answer, the soonest to expire
   * first, with their ideas.
   */
  awaiting(userId: string, networkId: string, now: Date, take: number) {
    return this.prisma.changeIdeaDecision.findMany({
      where: {
        status: 'PENDING',
        expiresAt: { gt: now },
        idea: { networkId },
        participants: { some: { userId, answer: 'WAITING' } },
      },
      select: { ...DECISION_SELECT, idea: { select: IDEA_SELECT } },
      orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  async networkDays(networkId: string): Promise<number> {
    const row = await this.prisma.network.findUniqueOrThrow({
      where: { id: networkId },
      select: { decisionConfirmationDays: true },
    });
    return row.decisionConfirmationDays;
  }
}
