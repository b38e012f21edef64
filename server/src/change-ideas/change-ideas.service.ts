import { Injectable } from '@nestjs/common';
import { type Actor, can, changeIdeaEditSchema, changeIdeaInputSchema, dayOf, isOpenChangeIdea } from '@commons/shared';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { pageInfo, toPage } from '../platform/graphql/pagination';
import { toChangeIdea } from './change-idea.mapper';
import { ChangeIdeaRepository } from './change-idea.repository';
import { type IdeaRow } from './change-idea.select';
import type { ChangeIdeaInput, ChangeIdeasArgs, EditChangeIdeaInput } from './dto/change-idea.input';
import type { ChangeIdea, ChangeIdeaConnection } from './models/change-idea.model';

/** A change idea the viewer may see, with the viewer as an actor of its network. */
export interface VisibleIdea {
  row: IdeaRow;
  actor: Actor;
}

/** How the actor stands towards an idea, as the policy's scope. */
export interface IdeaStanding {
  isProposer: boolean;
  isCoDesigner: boolean;
}

export const staleVersion = (row: IdeaRow) =>
  conflict(
    'idea_changed',
    `Someone changed this idea meanwhile (now version ${row.version}, ${row.status}). Reload, then try again.`,
    {
      field: 'input.expectedVersion',
      currentVersion: row.version,
      currentStatus: row.status,
    },
  );

/**
 * Change ideas: proposing and editing, co-designers and endorsements. Decisions that move an idea
 * through its lifecycle are DecisionsService's.
 */
@Injectable()
export class ChangeIdeasService {
  constructor(
    private readonly ideas: ChangeIdeaRepository,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The idea when the viewer may see it; not being a member of its network is NOT_FOUND. */
  async visible(viewer: Viewer, ideaId: string, field = 'ideaId'): Promise<VisibleIdea> {
    const row = await this.ideas.find(requireId(ideaId, field));
    if (!row) throw notFound('Change idea');
    const actor = await this.access.actorIn(viewer, row.networkId);
    if (!actor || !can(actor, 'changeIdea.view')) throw notFound('Change idea');
    return { row, actor };
  }

  async standing(actor: Actor, row: IdeaRow): Promise<IdeaStanding> {
    const coDesigner = await this.ideas.coDesigner(row.id, actor.userId);
    return { isProposer: row.proposerId === actor.userId, isCoDesigner: coDesigner?.status === 'ACTIVE' };
  }

  async get(viewer: Viewer, ideaId: string): Promise<ChangeIdea> {
    return toChangeIdea((await this.visible(viewer, ideaId, 'id')).row);
  }

  async list(viewer: Viewer, args: ChangeIdeasArgs): Promise<ChangeIdeaConnection> {
    await this.access.require(viewer, args.networkId, 'changeIdea.view');
    const page = toPage(args);
    const driverId = args.driverId ? requireId(args.driverId, 'driverId') : null;
    const statuses = args.statuses?.length ? args.statuses : null;
    const { rows, totalCount } = await this.ideas.list({ networkId: args.networkId, statuses, driverId }, page);
    return { nodes: rows.map(toChangeIdea), totalCount, pageInfo: pageInfo(page, rows.length, totalCount) };
  }

  async propose(viewer: Viewer, networkId: string, input: ChangeIdeaInput): Promise<ChangeIdea> {
    const actor = await this.access.require(viewer, networkId, 'changeIdea.propose');
    const data = parseInput(changeIdeaInputSchema, { ...input, nextDecisionOn: input.nextDecisionOn ?? null }, 'input');
    await this.assertDrivers(networkId, data.driverIds);
    const row = await this.ideas.transaction((db) =>
      this.ideas.create(db, {
        networkId,
        title: data.title,
        problem: data.problem,
        idea: data.idea,
        nextDecisionOn: data.nextDecisionOn ? dayOf(data.nextDecisionOn) : null,
        proposerId: actor.userId,
        proposerRole: actor.role,
        driverIds: data.driverIds,
        at: new Date(),
      }),
    );
    return toChangeIdea(row);
  }

  async edit(viewer: Viewer, ideaId: string, input: EditChangeIdeaInput): Promise<ChangeIdea> {
    const { row, actor } = await this.visible(viewer, ideaId);
    this.access.check(actor, 'changeIdea.edit', await this.standing(actor, row));
    const data = parseInput(changeIdeaEditSchema, { ...input, nextDecisionOn: input.nextDecisionOn ?? null }, 'input');
    await this.assertDrivers(row.networkId, data.driverIds);
    if (data.expectedVersion !== row.version) throw staleVersion(row);
    const text = {
      title: data.title,
      problem: data.problem,
      idea: data.idea,
      nextDecisionOn: data.nextDecisionOn ? dayOf(data.nextDecisionOn) : null,
    };
    const saved = await this.ideas.transaction(async (db) => {
      const updated = await this.ideas.update(db, row.id, data.expectedVersion, text, data.driverIds, new Date());
      if (!updated) throw staleVersion((await this.ideas.find(row.id, db))!);
      return updated;
    });
    return toChangeIdea(saved);
  }

  /** Invites a member of the network to co-design the idea; inviting someone already invited or co-designing changes nothing. */
  async inviteCoDesigner(viewer: Viewer, ideaId: string, userId: string): Promise<ChangeIdea> {
    const { row, actor } = await this.visible(viewer, ideaId);
    this.access.check(actor, 'changeIdea.inviteCoDesigner', await this.standing(actor, row));
    requireId(userId, 'userId');
    if (userId === actor.userId) throw invalid('userId', 'not_yourself');
    if (!isOpenChangeIdea(row.status)) throw invalid('ideaId', 'idea_closed', { status: row.status });
    const [invitee] = await this.ideas.activeMembers(row.networkId, [userId]);
    if (!invitee) throw invalid('userId', 'not_in_network', { kind: 'member' });
    const existing = await this.ideas.coDesigner(row.id, userId);
    if (existing && (existing.status === 'ACTIVE' || existing.status === 'INVITED')) return toChangeIdea(row);
    const actorName = (await this.ideas.userNames([actor.userId])).get(actor.userId) ?? '';
    await this.ideas.transaction(async (db) => {
      await this.ideas.invite(db, {
        ideaId: row.id,
        userId,
        role: invitee.role,
        invitedById: actor.userId,
        at: new Date(),
      });
      await this.notifications.notify(db, {
        networkId: row.networkId,
        kind: 'CO_DESIGN_INVITE',
        subjectType: 'CHANGE_IDEA',
        subjectId: row.id,
        actorId: actor.userId,
        payload: { ideaId: row.id, ideaTitle: row.title, actorName },
        recipients: [userId],
      });
    });
    return toChangeIdea(row);
  }

  /** The viewer accepts or declines her invitation to co-design the idea. */
  async respondToInvitation(viewer: Viewer, ideaId: string, accept: boolean): Promise<ChangeIdea> {
    const { row, actor } = await this.visible(viewer, ideaId);
    const invitation = await this.ideas.coDesigner(row.id, actor.userId);
    if (!invitation || invitation.status !== 'INVITED') throw notFound('Invitation');
    this.access.check(actor, 'changeIdea.respondToInvitation', { targetUserId: invitation.userId });
    const answered = await this.ideas.transaction((db) =>
      this.ideas.respond(db, invitation.id, 'INVITED', {
        status: accept ? 'ACTIVE' : 'DECLINED',
        role: actor.role,
        at: new Date(),
      }),
    );
    if (!answered) throw conflict('already_answered', 'This invitation was answered meanwhile.');
    return toChangeIdea(row);
  }

  /** The viewer stops co-designing the idea. The proposer stays with her idea. */
  async leave(viewer: Viewer, ideaId: string): Promise<ChangeIdea> {
    const { row, actor } = await this.visible(viewer, ideaId);
    if (row.proposerId === actor.userId) throw invalid('ideaId', 'own_proposal');
    const membership = await this.ideas.coDesigner(row.id, actor.userId);
    if (!membership || membership.status !== 'ACTIVE') throw notFound('Co-designer');
    await this.ideas.transaction((db) =>
      this.ideas.respond(db, membership.id, 'ACTIVE', { status: 'LEFT', role: membership.role, at: new Date() }),
    );
    return toChangeIdea(row);
  }

  /** Endorses the idea (once per member, with her role now) or takes the endorsement back. */
  async endorse(viewer: Viewer, ideaId: string, endorsed: boolean): Promise<ChangeIdea> {
    const { row, actor } = await this.visible(viewer, ideaId);
    this.access.check(actor, 'changeIdea.endorse');
    if (endorsed) await this.ideas.endorse(row.id, actor.userId, actor.role);
    else await this.ideas.withdrawEndorsement(row.id, actor.userId);
    return toChangeIdea(row);
  }

  private async assertDrivers(networkId: string, driverIds: string[]): Promise<void> {
    const found = await this.ideas.driverIdsIn(networkId, driverIds);
    const index = driverIds.findIndex((id) => !found.has(id));
    if (index >= 0) throw invalid(`input.driverIds.${index}`, 'not_in_network', { kind: 'driver' });
  }
}
