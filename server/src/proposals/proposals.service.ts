import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  closingTimeProblem,
  consentTally,
  dotTally,
  dotVoteProblem,
  dotVotesSchema,
  hasUnresolvedBlock,
  isProposalOpen,
  positionInputSchema,
  type ProposalChangedPayload,
  proposalInputSchema,
  proposalOutcomeSchema,
  SERVER_EVENTS,
  type ThreadSubjectFacts,
} from '@commons/shared';
import type { Prisma, Role } from '../generated/prisma/client';
import { NotificationsService } from '../notifications/notifications.service';
import type { Viewer } from '../platform/auth/viewer';
import type { Db } from '../platform/database/db';
import { AppError, forbidden, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { ThreadLiveService } from '../threads/thread-live.service';
import { type ThreadAccess, ThreadsService } from '../threads/threads.service';
import type { DotVoteInput, PositionInput, ProposalInput } from './dto/proposal.input';
import type { Proposal, ThreadProposals } from './models/proposal.model';
import {
  type DotVoteRow,
  type PositionRow,
  type ProposalBasis,
  type ProposalRefRow,
  ProposalRepository,
  type ProposalRow,
} from './proposal.repository';

export type { ProposalBasis, ProposalRefRow };

/** What a proposal's view is built from: its row, everyone's positions and dots, and who is expected to vote. */
interface ProposalFacts {
  row: ProposalRow;
  positions: PositionRow[];
  dots: DotVoteRow[];
}

const proposalClosed = () => new AppError('PROPOSAL_CLOSED', 'This proposal has closed: positions no longer change.');

/** The live tally of a proposal, as the thread hears it. */
export function tallyPayload({ row, positions, dots }: ProposalFacts, now: Date): ProposalChangedPayload {
  const consent = row.kind === 'CONSENT';
  return {
    proposalId: row.id,
    threadId: row.threadId,
    kind: row.kind,
    revision: row.revision,
    open: isProposalOpen(row, now),
    voters: new Set((consent ? positions : dots).map((v) => v.userId)).size,
    positions: consent ? consentTally(positions) : null,
    dots: consent
      ? null
      : dotTally(
          row.options.map((o) => o.id),
          dots,
        ),
  };
}

/**
 * Proposals in threads (Loomio's): opened in a change idea's thread by the people taking part in
 * the idea or its stewards, answered by anyone who may post there, with a live tally by voice
 * group. Every change of position takes the proposal's row lock and counts a revision in the same
 * transaction; the tally it leads to is sent to the thread's room once committed.
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly threads: ThreadsService,
    private readonly live: ThreadLiveService,
    private readonly notifications: NotificationsService,
  ) {}

  // Read by change ideas, which check access to the idea themselves: no viewer here.

  /** Where proposal `id` lives, or null. */
  basis(id: string, db?: Db): Promise<ProposalBasis | null> {
    return this.proposals.basis(id, db);
  }

  /** Whether anyone's position on proposal `id` is BLOCK now. */
  blocked(id: string, db?: Db): Promise<boolean> {
    return this.proposals.blocked(id, db);
  }

  /** The roles of everyone who took a position or spread dots on a proposal in the change idea's thread. */
  voiceRolesOfIdea(ideaId: string, db?: Db): Promise<Role[]> {
    return this.proposals.voiceRolesOfIdea(ideaId, db);
  }

  /** `voiceRolesOfIdea` for several ideas at once. */
  voiceRolesOfIdeas(ideaIds: string[]): Promise<Map<string, Role[]>> {
    return this.proposals.voiceRolesOfIdeas(ideaIds);
  }

  /** Proposals `ids` as decisions refer to them. */
  refs(ids: string[]): Promise<ProposalRefRow[]> {
    return this.proposals.refs(ids);
  }

  /** The proposals in the threads of change ideas `ideaIds`, newest first. */
  refsOfIdeas(ideaIds: string[]): Promise<(ProposalRefRow & { ideaId: string })[]> {
    return this.proposals.refsOfIdeas(ideaIds);
  }

  /** The thread's proposals, newest first, and whether the viewer may open one. */
  async list(viewer: Viewer, threadId: string): Promise<ThreadProposals> {
    const access = await this.threads.authorise(viewer, threadId);
    if (!can(access.actor, 'proposal.view', { thread: access.facts })) throw forbidden('see these proposals');
    const rows = await this.proposals.ofThread(access.row.id);
    const [nodes, standing] = await Promise.all([this.views(access, rows), this.standing(access)]);
    return {
      threadId: access.row.id,
      viewerCanOpen: can(access.actor, 'proposal.open', { thread: access.facts, ...standing }),
      nodes,
    };
  }

  async get(viewer: Viewer, proposalId: string): Promise<Proposal> {
    const { row, access } = await this.visible(viewer, proposalId);
    return (await this.views(access, [row]))[0];
  }

  /** Opens a proposal in a change idea's thread; the people taking part in the idea hear of it. */
  async open(viewer: Viewer, threadId: string, input: ProposalInput): Promise<Proposal> {
    const access = await this.threads.authorise(viewer, threadId);
    const idea =
      access.row.subjectType === 'CHANGE_IDEA'
        ? await this.proposals.ideaStanding(access.row.subjectId, viewer.userId)
        : null;
    const standing = { isProposer: idea?.isProposer ?? false, isCoDesigner: idea?.isCoDesigner ?? false };
    if (!can(access.actor, 'proposal.open', { thread: access.facts, ...standing }))
      throw forbidden('open a proposal in this thread');
    const data = parseInput(proposalInputSchema, { ...input, dotsPerMember: input.dotsPerMember ?? null }, 'input');
    const at = new Date();
    const closesAt = new Date(data.closesAt);
    const problem = closingTimeProblem(closesAt, at);
    if (problem) throw invalid('input.closesAt', problem.code, problem.params);
    const row = await this.proposals.transaction(async (db) => {
      const created = await this.proposals.create(db, {
        networkId: access.row.networkId,
        threadId: access.row.id,
        kind: data.kind,
        question: data.question,
        details: data.details,
        proposerId: viewer.userId,
        closesAt,
        dotsPerMember: data.kind === 'DOT_VOTE' ? data.dotsPerMember : null,
        options: data.kind === 'DOT_VOTE' ? data.options : [],
        at,
      });
      if (idea) {
        await this.notifications.notify(db, {
          networkId: access.row.networkId,
          kind: 'PROPOSAL_OPENED',
          subjectType: 'CHANGE_IDEA',
          subjectId: access.row.subjectId,
          actorId: viewer.userId,
          payload: {
            ideaId: access.row.subjectId,
            ideaTitle: idea.title,
            proposalId: created.id,
            question: created.question,
            actorName: created.proposer.name,
          },
          recipients: (await this.proposals.takingPart(access.row.subjectId, access.row.networkId)).map(
            (p) => p.userId,
          ),
        });
      }
      return created;
    });
    this.announce({ row, positions: [], dots: [] }, at);
    return (await this.views(access, [row]))[0];
  }

  /** The viewer takes or changes her position on a CONSENT proposal while it is open. */
  async takePosition(viewer: Viewer, proposalId: string, input: PositionInput): Promise<Proposal> {
    const { row, access } = await this.visible(viewer, proposalId);
    if (!can(access.actor, 'proposal.takePosition', { thread: access.facts }))
      throw forbidden('take a position on this proposal');
    if (row.kind !== 'CONSENT') throw invalid('proposalId', 'dots_not_position');
    const data = parseInput(positionInputSchema, input, 'input');
    return this.change(access, row, (db, at) =>
      this.proposals.setPosition(db, {
        proposalId: row.id,
        userId: viewer.userId,
        role: access.actor.role,
        position: data.position,
        reason: data.reason,
        at,
      }),
    );
  }

  /** The viewer spreads her dots over a DOT_VOTE proposal's options (none: she takes her votes back). */
  async castDots(viewer: Viewer, proposalId: string, votes: DotVoteInput[]): Promise<Proposal> {
    const { row, access } = await this.visible(viewer, proposalId);
    if (!can(access.actor, 'proposal.takePosition', { thread: access.facts })) throw forbidden('vote on this proposal');
    if (row.kind !== 'DOT_VOTE') throw invalid('proposalId', 'position_not_dots');
    const data = parseInput(dotVotesSchema, votes, 'votes');
    const problem = dotVoteProblem(
      data,
      row.options.map((o) => o.id),
      row.dotsPerMember ?? 0,
    );
    if (problem === 'UNKNOWN_OPTION') {
      const index = data.findIndex((v) => !row.options.some((o) => o.id === v.optionId));
      throw invalid(`votes.${index}.optionId`, 'not_an_option');
    }
    if (problem === 'TOO_MANY_DOTS') throw invalid('votes', 'too_many_dots', { max: row.dotsPerMember ?? 0 });
    return this.change(access, row, (db, at) =>
      this.proposals.setDots(db, {
        proposalId: row.id,
        userId: viewer.userId,
        role: access.actor.role,
        votes: data,
        at,
      }),
    );
  }

  /** Its proposer closes the proposal (if still open) and writes what the group concluded; she may rewrite it later. */
  async close(viewer: Viewer, proposalId: string, outcome: string): Promise<Proposal> {
    const { row, access } = await this.visible(viewer, proposalId);
    if (!can(access.actor, 'proposal.close', { thread: access.facts, authorId: row.proposerId }))
      throw forbidden('close this proposal');
    const data = parseInput(proposalOutcomeSchema, { outcome }, '');
    const at = new Date();
    const facts = await this.proposals.transaction(async (db) => {
      await this.proposals.close(db, row.id, data.outcome, at);
      return this.factsIn(db, row.id);
    });
    this.announce(facts, at);
    return (await this.views(access, [facts.row]))[0];
  }

  /** Applies `write` while the proposal is open, counting a revision under its row lock; the new tally goes to the thread. */
  private async change(
    access: ThreadAccess,
    row: ProposalRow,
    write: (db: Prisma.TransactionClient, at: Date) => Promise<void>,
  ): Promise<Proposal> {
    const at = new Date();
    const facts = await this.proposals.transaction(async (db) => {
      if ((await this.proposals.bumpIfOpen(db, row.id, at)) === null) throw proposalClosed();
      await write(db, at);
      return this.factsIn(db, row.id);
    });
    this.announce(facts, at);
    return (await this.views(access, [facts.row]))[0];
  }

  private async factsIn(db: Prisma.TransactionClient, id: string): Promise<ProposalFacts> {
    const [row, positions, dots] = await Promise.all([
      this.proposals.find(id, db),
      this.proposals.positionsOf([id], db),
      this.proposals.dotVotesOf([id], db),
    ]);
    return { row: row!, positions, dots };
  }

  private announce(facts: ProposalFacts, now: Date): void {
    this.live.toThread(facts.row.threadId, SERVER_EVENTS.proposalChanged, tallyPayload(facts, now));
  }

  /** The proposal when the viewer may read its thread; otherwise NOT_FOUND (or FORBIDDEN, as the thread says). */
  private async visible(viewer: Viewer, proposalId: string): Promise<{ row: ProposalRow; access: ThreadAccess }> {
    const row = await this.proposals.find(requireId(proposalId, 'proposalId'));
    if (!row) throw notFound('Proposal');
    const access = await this.threads
      .authorise(viewer, row.threadId, 'thread.read', 'proposalId')
      .catch((error: unknown) => {
        throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('Proposal') : error;
      });
    if (!can(access.actor, 'proposal.view', { thread: access.facts })) throw forbidden('see this proposal');
    return { row, access };
  }

  /** How the viewer stands towards the thread's change idea (nothing for other subjects). */
  private async standing(access: ThreadAccess): Promise<{ isProposer: boolean; isCoDesigner: boolean }> {
    if (access.row.subjectType !== 'CHANGE_IDEA') return { isProposer: false, isCoDesigner: false };
    const idea = await this.proposals.ideaStanding(access.row.subjectId, access.actor.userId);
    return { isProposer: idea?.isProposer ?? false, isCoDesigner: idea?.isCoDesigner ?? false };
  }

  /** Views of `rows` for the viewer: three queries for the positions, dots and expected voters, whatever their number. */
  private async views(access: ThreadAccess, rows: ProposalRow[]): Promise<Proposal[]> {
    const ids = rows.map((row) => row.id);
    const { actor, facts } = access;
    const mine = rows.some((row) => row.proposerId === actor.userId);
    const [positions, dots, expected] = await Promise.all([
      this.proposals.positionsOf(ids),
      this.proposals.dotVotesOf(ids),
      mine && access.row.subjectType === 'CHANGE_IDEA'
        ? this.proposals.takingPart(access.row.subjectId, access.row.networkId)
        : Promise.resolve([]),
    ]);
    const now = new Date();
    return rows.map((row) =>
      this.view(
        actor,
        facts,
        {
          row,
          positions: positions.filter((p) => p.proposalId === row.id),
          dots: dots.filter((d) => d.proposalId === row.id),
        },
        expected,
        now,
      ),
    );
  }

  private view(
    actor: Actor,
    thread: ThreadSubjectFacts,
    proposal: ProposalFacts,
    expected: { userId: string; name: string }[],
    now: Date,
  ): Proposal {
    const { row, positions, dots } = proposal;
    const tally = tallyPayload(proposal, now);
    const open = tally.open;
    const voted = new Set((row.kind === 'CONSENT' ? positions : dots).map((v) => v.userId));
    const entry = (p: PositionRow) => ({
      member: { userId: p.userId, name: p.name },
      role: p.role,
      position: p.position,
      reason: p.reason,
      updatedAt: p.updatedAt,
    });
    const ballots = new Map<
      string,
      {
        member: { userId: string; name: string };
        role: PositionRow['role'];
        votes: { optionId: string; dots: number }[];
      }
    >();
    for (const d of dots) {
      const ballot = ballots.get(d.userId) ?? { member: { userId: d.userId, name: d.name }, role: d.role, votes: [] };
      ballot.votes.push({ optionId: d.optionId, dots: d.dots });
      ballots.set(d.userId, ballot);
    }
    const viewerPosition = positions.find((p) => p.userId === actor.userId);
    const isProposer = row.proposerId === actor.userId;
    return {
      id: row.id,
      threadId: row.threadId,
      kind: row.kind,
      question: row.question,
      details: row.details,
      proposer: { userId: row.proposerId, name: row.proposer.name },
      createdAt: row.createdAt,
      closesAt: row.closesAt,
      closedAt: row.closedAt,
      open,
      outcome: row.outcome,
      outcomeAt: row.outcomeAt,
      dotsPerMember: row.dotsPerMember,
      revision: row.revision,
      options: row.options,
      voters: tally.voters,
      positionTally: tally.positions ?? [],
      dotTally: tally.dots ?? [],
      positions: positions.map(entry),
      ballots: [...ballots.values()],
      hasUnresolvedBlock: hasUnresolvedBlock(positions),
      viewerPosition: viewerPosition ? entry(viewerPosition) : null,
      viewerDots: dots.filter((d) => d.userId === actor.userId).map((d) => ({ optionId: d.optionId, dots: d.dots })),
      notYetVoted:
        can(actor, 'proposal.seeWhoIsMissing', { thread, authorId: row.proposerId }) && isProposer
          ? expected.filter((p) => !voted.has(p.userId))
          : null,
      viewerCanTakePosition: open && can(actor, 'proposal.takePosition', { thread }),
      viewerCanClose: can(actor, 'proposal.close', { thread, authorId: row.proposerId }),
    };
  }
}
