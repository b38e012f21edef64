import { Injectable } from '@nestjs/common';
import {
  allowedTransitions,
  can,
  changeIdeaDecisionSchema,
  dayOf,
  DECISION_QUORUM_MESSAGES,
  decisionAnswerSchema,
  decisionExpiresAt,
  type DecisionParticipantFacts,
  decisionQuorumProblem,
  effectiveDecisionStatus,
  isAllowedTransition,
  isoDay,
  needsPatientVoiceReason,
  pendingDecisionOutcome,
  SERVER_EVENTS,
} from '@commons/shared';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../platform/database/db';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import { RealtimeService } from '../platform/realtime/realtime.service';
import type { Viewer } from '../platform/auth/viewer';
import { AppError, conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { ProposalsService } from '../proposals/proposals.service';
import { ThreadsService } from '../threads/threads.service';
import { ChangeIdeaRepository } from './change-idea.repository';
import { type IdeaRow } from './change-idea.select';
import { ChangeIdeasService, staleVersion } from './change-ideas.service';
import { DecisionRepository, type DecisionRow } from './decision.repository';
import type { ChangeIdeaDecisionInput } from './dto/change-idea.input';
import type { ChangeIdeaDecision } from './models/change-idea.model';

/** The decisions waiting for a member that her home card lists at most. */
export const AWAITING_DECISIONS_MAX = 50;

export function toDecision(row: DecisionRow, now = new Date()): ChangeIdeaDecision {
  return {
    id: row.id,
    ideaId: row.ideaId,
    status: effectiveDecisionStatus(row, now),
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    decision: row.decision,
    rationale: row.rationale,
    nextDecisionOn: row.nextDecisionOn ? isoDay(row.nextDecisionOn) : null,
    patientVoiceReason: row.patientVoiceReason,
    proposedAt: row.proposedAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
    closedAt: row.closedAt ?? (effectiveDecisionStatus(row, now) === 'EXPIRED' ? row.expiresAt : null),
    participants: row.participants.map((p) => ({ ...p })),
    decidedById: row.decidedById,
    proposalId: row.proposalId,
  };
}

const decisionClosed = (status: string) =>
  new AppError('DECISION_CLOSED', `This decision no longer waits for answers: it was ${status.toLowerCase()}.`, {
    status,
  });

/** A unique constraint refused a write: P2002 from model queries, P2010 with SQLSTATE 23505 from raw ones. */
const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.code === 'P2002' || (error.code === 'P2010' && error.message.includes('23505')));

/**
 * Decisions on change ideas, taken together for real: the member who records one names who takes
 * part (the together rule decides whether they may), and the idea moves only once every one of
 * them has confirmed it herself, each in the role she has then. A decline ends it with its
 * reason; so does its recorder withdrawing it, or the network's number of days passing. One
 * decision waits per idea at a time (a partial unique index), and one taking effect moves the
 * idea only from the status it was recorded in, so two decisions can never both take effect.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly ideas: ChangeIdeaRepository,
    private readonly changeIdeas: ChangeIdeasService,
    private readonly proposals: ProposalsService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly threads: ThreadsService,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Records a decision moving the idea to `toStatus`, waiting until confirmations (its recorder's
   * included) meet the together rule. Refused unless the move is in the lifecycle, the participants satisfy the together
   * rule, a move to TESTING or ADOPTED without a patient or family voice says why, and no other
   * decision waits on the idea.
   */
  async propose(viewer: Viewer, ideaId: string, input: ChangeIdeaDecisionInput): Promise<ChangeIdeaDecision> {
    const { row, actor } = await this.changeIdeas.visible(viewer, ideaId);
    this.access.check(actor, 'changeIdea.recordDecision', await this.changeIdeas.standing(actor, row));
    const data = parseInput(
      changeIdeaDecisionSchema,
      {
        ...input,
        nextDecisionOn: input.nextDecisionOn ?? null,
        patientVoiceReason: input.patientVoiceReason ?? '',
        proposalId: input.proposalId ?? null,
      },
      'input',
    );
    if (data.expectedVersion !== row.version) throw staleVersion(row);
    if (!isAllowedTransition(row.status, data.toStatus)) {
      const allowed = allowedTransitions(row.status);
      throw invalid('input.toStatus', 'transition_not_allowed', { from: row.status, allowed: allowed.join(' or ') });
    }
    const participants = await this.participantFacts(row, data.participantIds);
    if (!can(actor, 'changeIdea.decide', { participants })) {
      const problem = decisionQuorumProblem(actor.userId, participants) ?? 'ACTOR_NOT_PARTICIPANT';
      throw new AppError('FORBIDDEN', `This decision cannot be taken: ${DECISION_QUORUM_MESSAGES[problem]}.`, {
        field: 'input.participantIds',
        reason: problem,
      });
    }
    if (data.proposalId) await this.assertBasis(row, data.proposalId, data.toStatus, 'input.proposalId');
    const needsReason = await this.needsPatientVoiceReason(row, data.toStatus);
    if (needsReason && !data.patientVoiceReason) {
      throw invalid('input.patientVoiceReason', 'patient_voice_reason');
    }
    const at = new Date();
    const [days, actorName] = await Promise.all([this.decisions.networkDays(row.networkId), this.nameOf(actor.userId)]);
    const created = await this.decisions
      .transaction(async (db) => {
        await this.ideas.lock(db, row.id);
        const current = (await this.ideas.find(row.id, db))!;
        if (current.version !== data.expectedVersion) throw staleVersion(current);
        await this.decisions.expireDue(at, row.id, db);
        const waiting = await this.decisions.pendingOf(row.id, at, db);
        if (waiting) throw pendingExists(waiting.id);
        const decision = await this.decisions.create(
          db,
          {
            ideaId: row.id,
            fromStatus: row.status,
            toStatus: data.toStatus,
            decision: data.decision,
            rationale: data.rationale,
            nextDecisionOn: data.nextDecisionOn ? dayOf(data.nextDecisionOn) : null,
            patientVoiceReason: needsReason ? data.patientVoiceReason : '',
            proposalId: data.proposalId,
            decidedById: actor.userId,
            proposedAt: at,
            expiresAt: decisionExpiresAt(at, days),
          },
          participants,
        );
        await this.notifications.notify(db, {
          networkId: row.networkId,
          kind: 'DECISION_AWAITING_CONFIRMATION',
          subjectType: 'CHANGE_IDEA',
          subjectId: row.id,
          actorId: actor.userId,
          payload: {
            ideaId: row.id,
            ideaTitle: row.title,
            decisionId: decision.id,
            fromStatus: row.status,
            toStatus: data.toStatus,
            decision: data.decision,
            rationale: data.rationale,
            actorName,
            expiresAt: decision.expiresAt!.toISOString(),
          },
          recipients: participants.map((p) => p.userId),
        });
        return decision;
      })
      .catch((error: unknown) => {
        // Two recorded at the same moment: the index lets one wait, the other is told which.
        if (isUniqueViolation(error)) throw pendingExists(null);
        throw error;
      });
    await this.announce(row.id, created);
    return toDecision(created, at);
  }

  /** A member named in the decision confirms it, with an optional comment; when she is the last to, the idea moves. */
  async confirm(viewer: Viewer, decisionId: string, comment: string): Promise<ChangeIdeaDecision> {
    return this.answer(viewer, decisionId, 'CONFIRMED', comment);
  }

  /** A member named in the decision declines it, with an optional reason everyone sees: it ends. */
  async decline(viewer: Viewer, decisionId: string, reason: string): Promise<ChangeIdeaDecision> {
    return this.answer(viewer, decisionId, 'DECLINED', reason);
  }

  /** The member who recorded a decision takes it back while it waits. */
  async withdraw(viewer: Viewer, decisionId: string): Promise<ChangeIdeaDecision> {
    const { decision, idea, actor } = await this.visibleDecision(viewer, decisionId);
    this.access.check(actor, 'changeIdea.withdrawDecision', { authorId: decision.decidedById });
    const at = new Date();
    await this.decisions.expireDue(at, idea.id);
    const saved = await this.decisions.transaction(async (db) => {
      const current = await this.lockDecision(db, idea.id, decision.id);
      const status = effectiveDecisionStatus(current, at);
      if (status !== 'PENDING') throw decisionClosed(status);
      await this.decisions.close(db, decision.id, 'WITHDRAWN', at);
      return (await this.decisions.find(decision.id, db))!;
    });
    await this.announce(idea.id, saved);
    return toDecision(saved, at);
  }

  /** Decisions still waiting for the viewer's answer in the network, the soonest to expire first (her home card). */
  async awaitingMe(viewer: Viewer, networkId: string): Promise<ChangeIdeaDecision[]> {
    await this.access.require(viewer, networkId, 'changeIdea.view');
    const now = new Date();
    return (await this.decisions.awaiting(viewer.userId, networkId, now, AWAITING_DECISIONS_MAX)).map((row) =>
      toDecision(row, now),
    );
  }

  private async needsPatientVoiceReason(row: IdeaRow, toStatus: IdeaRow['status']): Promise<boolean> {
    return needsPatientVoiceReason(toStatus, await this.voicesOf(row));
  }

  private async voicesOf(row: IdeaRow) {
    const [coDesigners, positionRoles] = await Promise.all([
      this.ideas.coDesignersOf([row.id]),
      this.proposals.voiceRolesOfIdea(row.id),
    ]);
    return { coDesignerRoles: coDesigners.filter((c) => c.status === 'ACTIVE').map((c) => c.role), positionRoles };
  }

  private async answer(
    viewer: Viewer,
    decisionId: string,
    answer: 'CONFIRMED' | 'DECLINED',
    comment: string,
  ): Promise<ChangeIdeaDecision> {
    const { decision, idea, actor } = await this.visibleDecision(viewer, decisionId);
    const participant = decision.participants.find((p) => p.userId === actor.userId);
    this.access.check(actor, 'changeIdea.answerDecision', { targetUserId: participant?.userId });
    const text = parseInput(decisionAnswerSchema, { comment }, '').comment;
    const at = new Date();
    await this.decisions.expireDue(at, idea.id);
    const actorName = await this.nameOf(actor.userId);
    const { saved, moved } = await this.decisions.transaction(async (db) => {
      const current = await this.lockDecision(db, idea.id, decision.id);
      const status = effectiveDecisionStatus(current, at);
      if (status !== 'PENDING') throw decisionClosed(status);
      await this.decisions.answer(db, decision.id, actor.userId, answer, actor.role, text, at);
      const answers = current.participants.map((p) => ({
        ...p,
        answer: p.userId === actor.userId ? answer : p.answer,
      }));
      const outcome = pendingDecisionOutcome(current.decidedById, answers);
      let movedIdea: IdeaRow | null = null;
      if (outcome === 'DECLINED') {
        await this.decisions.close(db, decision.id, 'DECLINED', at);
        await this.notifyDeclined(db, current, idea, actor.userId, actorName, text);
      } else if (outcome === 'READY') {
        movedIdea = await this.takeEffect(db, current, idea, actor.userId, actorName, at);
      }
      return { saved: (await this.decisions.find(decision.id, db))!, moved: movedIdea };
    });
    await this.announce(idea.id, saved, moved ?? undefined);
    return toDecision(saved, at);
  }

  /** The together rule is met by confirmations: the idea moves from the status the decision was recorded in, or nothing does. */
  private async takeEffect(
    db: Prisma.TransactionClient,
    decision: DecisionRow,
    idea: IdeaRow,
    actorId: string,
    actorName: string,
    at: Date,
  ): Promise<IdeaRow> {
    if (
      decision.toStatus === 'ADOPTED' &&
      decision.proposalId &&
      (await this.proposals.blocked(decision.proposalId, db))
    )
      throw proposalBlocked();
    const moved = await this.decisions.moveIdea(
      db,
      idea.id,
      decision.fromStatus,
      decision.toStatus,
      decision.nextDecisionOn,
      at,
    );
    if (!moved) {
      const now = (await this.ideas.find(idea.id, db))!;
      throw conflict(
        'idea_moved',
        `This idea is ${now.status} now, not ${decision.fromStatus}: the decision can no longer take effect.`,
        { currentVersion: now.version, currentStatus: now.status },
      );
    }
    await this.decisions.close(db, decision.id, 'TAKEN', at);
    const [coDesigners, endorsers] = await Promise.all([
      this.ideas.activeCoDesignerIds(idea.id, db),
      this.ideas.endorserIds(idea.id, db),
    ]);
    await this.notifications.notify(db, {
      networkId: idea.networkId,
      kind: 'IDEA_DECISION',
      subjectType: 'CHANGE_IDEA',
      subjectId: idea.id,
      actorId,
      payload: {
        ideaId: idea.id,
        ideaTitle: idea.title,
        decisionId: decision.id,
        fromStatus: decision.fromStatus,
        toStatus: decision.toStatus,
        decision: decision.decision,
        actorName,
      },
      recipients: [idea.proposerId, ...coDesigners, ...endorsers, ...decision.participants.map((p) => p.userId)],
    });
    return moved;
  }

  private async notifyDeclined(
    db: Db,
    decision: DecisionRow,
    idea: IdeaRow,
    actorId: string,
    actorName: string,
    reason: string,
  ): Promise<void> {
    await this.notifications.notify(db, {
      networkId: idea.networkId,
      kind: 'DECISION_DECLINED',
      subjectType: 'CHANGE_IDEA',
      subjectId: idea.id,
      actorId,
      payload: {
        ideaId: idea.id,
        ideaTitle: idea.title,
        decisionId: decision.id,
        fromStatus: decision.fromStatus,
        toStatus: decision.toStatus,
        decision: decision.decision,
        reason,
        actorName,
      },
      recipients: decision.participants.map((p) => p.userId),
    });
  }

  /**
   * Holds the idea's row, then the decision's, until the transaction ends, and reads the decision
   * as it now is. Every writer takes them in this order (recording a decision takes the idea's),
   * so answers to one decision queue up and never deadlock with a new decision on the idea.
   */
  private async lockDecision(db: Prisma.TransactionClient, ideaId: string, decisionId: string): Promise<DecisionRow> {
    await this.ideas.lock(db, ideaId);
    await this.decisions.lock(db, decisionId);
    return (await this.decisions.find(decisionId, db))!;
  }

  /** The decision and its idea when the viewer may see the idea; anything else is NOT_FOUND. */
  private async visibleDecision(viewer: Viewer, decisionId: string) {
    const decision = await this.decisions.find(requireId(decisionId, 'decisionId'));
    if (!decision) throw notFound('Decision');
    const { row, actor } = await this.changeIdeas.visible(viewer, decision.ideaId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('Decision') : error;
    });
    return { decision, idea: row, actor };
  }

  /** A proposal a decision may rest on: in the idea's thread, and for an adoption, with no block standing. */
  private async assertBasis(
    row: IdeaRow,
    proposalId: string,
    toStatus: IdeaRow['status'],
    field: string,
  ): Promise<void> {
    const basis = await this.proposals.basis(proposalId);
    if (!basis || basis.threadSubjectType !== 'CHANGE_IDEA' || basis.threadSubjectId !== row.id) {
      throw invalid(field, 'not_in_thread', { kind: 'proposal' });
    }
    if (toStatus === 'ADOPTED' && (await this.proposals.blocked(proposalId))) throw proposalBlocked();
  }

  /** Each participant with her role now and whether she proposed or co-designs the idea. */
  private async participantFacts(row: IdeaRow, userIds: string[]): Promise<DecisionParticipantFacts[]> {
    const [members, coDesigners] = await Promise.all([
      this.ideas.activeMembers(row.networkId, userIds),
      this.ideas.activeCoDesignerIds(row.id),
    ]);
    const byId = new Map(members.map((m) => [m.userId, m]));
    const index = userIds.findIndex((id) => !byId.has(id));
    if (index >= 0) throw invalid(`input.participantIds.${index}`, 'not_in_network', { kind: 'member' });
    const taking = new Set([row.proposerId, ...coDesigners]);
    return userIds.map((userId) => ({ userId, role: byId.get(userId)!.role, coDesigner: taking.has(userId) }));
  }

  private async nameOf(userId: string): Promise<string> {
    return (await this.ideas.userNames([userId])).get(userId) ?? '';
  }

  /**
   * Pages open on the idea (they are in its thread) refresh, and so do the home cards of everyone
   * named in the decision: everyone sees its state live.
   */
  private async announce(ideaId: string, decision: DecisionRow, moved?: IdeaRow): Promise<void> {
    const idea = moved ?? (await this.ideas.find(ideaId));
    if (!idea) return;
    this.realtime.toUsers(
      decision.participants.map((p) => p.userId),
      SERVER_EVENTS.decisionChanged,
      {
        networkId: idea.networkId,
        ideaId,
        decisionId: decision.id,
        status: effectiveDecisionStatus(decision, new Date()),
      },
    );
    await this.threads.tellViewers('CHANGE_IDEA', ideaId, SERVER_EVENTS.ideaChanged, {
      ideaId,
      status: idea.status,
      version: idea.version,
    });
  }
}

function pendingExists(pendingDecisionId: string | null): AppError {
  return new AppError(
    'DECISION_PENDING',
    'Another decision on this idea is waiting for confirmations: answer or withdraw it first.',
    pendingDecisionId ? { pendingDecisionId } : {},
  );
}

function proposalBlocked(): AppError {
  return new AppError(
    'PROPOSAL_BLOCKED',
    'The proposal this decision rests on has a block that stands: it cannot be the basis of adopting the idea.',
    {
      field: 'input.proposalId',
    },
  );
}
