import { Injectable } from '@nestjs/common';
import {
  type Actor,
  can,
  dayOf,
  isoDay,
  type PdsaCycleEditData,
  pdsaCycleEditSchema,
  pdsaCycleInputSchema,
} from '@commons/shared';
import type { Db } from '../platform/database/db';
import { NetworkService } from '../networks/network.service';
import { NotificationsService } from '../notifications/notifications.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { AppError, conflict, invalid, notFound, parseInput, requireId } from '../platform/graphql/app-error';
import { ChangeIdeaRepository } from './change-idea.repository';
import { type IdeaRow } from './change-idea.select';
import { ChangeIdeasService } from './change-ideas.service';
import type { EditPdsaCycleInput, PdsaCycleInput } from './dto/change-idea.input';
import type { PdsaAnnotation, PdsaCycle } from './models/pdsa-cycle.model';
import { type CycleContent, PdsaCycleRepository } from './pdsa-cycle.repository';
import { type CycleRow } from './pdsa-cycle.select';

export function toPdsaCycle(row: CycleRow): PdsaCycle {
  return {
    id: row.id,
    networkId: row.networkId,
    ideaId: row.ideaId,
    siteId: row.siteId,
    number: row.number,
    title: row.title,
    plan: row.plan,
    prediction: row.prediction,
    doNotes: row.doNotes,
    studyNotes: row.studyNotes,
    act: row.act,
    actNotes: row.actNotes,
    stage: row.stage,
    startOn: isoDay(row.startOn),
    endOn: row.endOn ? isoDay(row.endOn) : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    measureIds: row.measures.map((m) => m.measureId),
    createdById: row.createdById,
    updatedById: row.updatedById,
  };
}

function toAnnotation(row: CycleRow & { idea: { title: string; status: IdeaRow['status'] } }): PdsaAnnotation {
  const cycle = toPdsaCycle(row);
  return {
    cycleId: cycle.id,
    ideaId: cycle.ideaId,
    ideaTitle: row.idea.title,
    ideaStatus: row.idea.status,
    siteId: cycle.siteId,
    number: cycle.number,
    title: cycle.title,
    stage: cycle.stage,
    act: cycle.act,
    startOn: cycle.startOn,
    endOn: cycle.endOn,
    startMonth: cycle.startOn.slice(0, 7),
    endMonth: cycle.endOn ? cycle.endOn.slice(0, 7) : null,
    measureIds: cycle.measureIds,
  };
}

function contentOf(data: Omit<PdsaCycleEditData, 'expectedVersion' | 'measureIds'>): CycleContent {
  return {
    title: data.title,
    plan: data.plan,
    prediction: data.prediction,
    doNotes: data.doNotes,
    studyNotes: data.studyNotes,
    act: data.act,
    actNotes: data.actNotes,
    stage: data.stage,
    startOn: dayOf(data.startOn),
    endOn: data.endOn ? dayOf(data.endOn) : null,
  };
}

const notTesting = (row: IdeaRow) => invalid('ideaId', 'idea_not_testing', { status: row.status });

/**
 * PDSA cycles: each site's tests of an idea in TESTING, written by the site's care team and
 * the idea's co-designers at that site, and drawn on that site's charts at their dates.
 */
@Injectable()
export class PdsaCyclesService {
  constructor(
    private readonly cycles: PdsaCycleRepository,
    private readonly ideas: ChangeIdeaRepository,
    private readonly changeIdeas: ChangeIdeasService,
    private readonly networks: NetworkService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async get(viewer: Viewer, cycleId: string): Promise<PdsaCycle> {
    return toPdsaCycle((await this.visible(viewer, cycleId, 'id')).cycle);
  }

  async create(viewer: Viewer, ideaId: string, input: PdsaCycleInput): Promise<PdsaCycle> {
    const { row: idea, actor } = await this.changeIdeas.visible(viewer, ideaId);
    const data = parseInput(
      pdsaCycleInputSchema,
      { ...input, act: input.act ?? null, endOn: input.endOn ?? null },
      'input',
    );
    await this.networks.assertSiteInNetwork(data.siteId, idea.networkId, 'input.siteId');
    this.access.check(actor, 'pdsa.write', { siteId: data.siteId, ...(await this.changeIdeas.standing(actor, idea)) });
    await this.assertMeasures(idea.networkId, data.measureIds);
    if (idea.status !== 'TESTING') throw notTesting(idea);
    const { siteId, measureIds, ...rest } = data;
    const author = await this.named(actor);
    const created = await this.ideas.transaction(async (db) => {
      // A decision moving the idea out of testing, or another cycle numbered at the same time, waits for this one.
      await this.ideas.lock(db, idea.id);
      const current = (await this.ideas.find(idea.id, db))!;
      if (current.status !== 'TESTING') throw notTesting(current);
      const cycle = await this.cycles.create(
        db,
        {
          ...contentOf(rest),
          networkId: idea.networkId,
          ideaId: idea.id,
          siteId,
          createdById: actor.userId,
          at: new Date(),
        },
        measureIds,
      );
      await this.notifySite(db, author, current, cycle, 'created');
      return cycle;
    });
    return toPdsaCycle(created);
  }

  async update(viewer: Viewer, cycleId: string, input: EditPdsaCycleInput): Promise<PdsaCycle> {
    const { cycle, idea, actor } = await this.visible(viewer, cycleId, 'cycleId');
    this.access.check(actor, 'pdsa.write', { siteId: cycle.siteId, ...(await this.changeIdeas.standing(actor, idea)) });
    const data = parseInput(
      pdsaCycleEditSchema,
      { ...input, act: input.act ?? null, endOn: input.endOn ?? null },
      'input',
    );
    await this.assertMeasures(cycle.networkId, data.measureIds);
    const stale = (current: CycleRow) =>
      conflict(
        'cycle_changed',
        `Someone saved this cycle meanwhile (now version ${current.version}). Reload, then edit again.`,
        {
          field: 'input.expectedVersion',
          currentVersion: current.version,
          currentStage: current.stage,
        },
      );
    if (data.expectedVersion !== cycle.version) throw stale(cycle);
    const { expectedVersion, measureIds, ...rest } = data;
    const author = await this.named(actor);
    const saved = await this.ideas.transaction(async (db) => {
      const updated = await this.cycles.update(
        db,
        cycle.id,
        expectedVersion,
        contentOf(rest),
        measureIds,
        actor.userId,
        new Date(),
      );
      if (!updated) throw stale((await this.cycles.find(cycle.id, db))!);
      if (updated.stage !== cycle.stage) await this.notifySite(db, author, idea, updated, 'stageChanged');
      return updated;
    });
    return toPdsaCycle(saved);
  }

  /** The idea's cycles, optionally at one site, for a viewer who already sees the idea. */
  async cyclesOfIdea(ideaId: string, siteId: string | null): Promise<PdsaCycle[]> {
    return (await this.cycles.cyclesOf([ideaId], siteId)).map(toPdsaCycle);
  }

  /** Cycles to draw on a network's charts: optionally only one site's and only those moving one measure. */
  async annotations(
    viewer: Viewer,
    networkId: string,
    siteId: string | null,
    measureId: string | null,
  ): Promise<PdsaAnnotation[]> {
    await this.access.require(viewer, networkId, 'pdsa.view');
    if (siteId) await this.networks.assertSiteInNetwork(requireId(siteId, 'siteId'), networkId, 'siteId');
    if (measureId && !(await this.cycles.measureIdsIn(networkId, [requireId(measureId, 'measureId')])).has(measureId)) {
      throw invalid('measureId', 'not_in_network', { kind: 'measure' });
    }
    return (await this.cycles.annotations({ networkId, siteId, measureId })).map(toAnnotation);
  }

  /** Cycles moving a measure, at every site, for a chart the viewer was already allowed to see. */
  async annotationsOfMeasure(measureId: string): Promise<PdsaAnnotation[]> {
    return (await this.cycles.annotations({ networkId: null, siteId: null, measureId })).map(toAnnotation);
  }

  private async visible(
    viewer: Viewer,
    cycleId: string,
    field: string,
  ): Promise<{ cycle: CycleRow; idea: IdeaRow; actor: Actor }> {
    const cycle = await this.cycles.find(requireId(cycleId, field));
    if (!cycle) throw notFound('PDSA cycle');
    try {
      const { row, actor } = await this.changeIdeas.visible(viewer, cycle.ideaId);
      if (!can(actor, 'pdsa.view')) throw notFound('PDSA cycle');
      return { cycle, idea: row, actor };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('PDSA cycle');
      throw error;
    }
  }

  private async notifySite(
    db: Db,
    actor: { userId: string; name: string },
    idea: IdeaRow,
    cycle: CycleRow,
    event: 'created' | 'stageChanged',
  ) {
    await this.notifications.notify(db, {
      networkId: cycle.networkId,
      kind: 'PDSA_AT_SITE',
      subjectType: 'PDSA_CYCLE',
      subjectId: cycle.id,
      actorId: actor.userId,
      payload: {
        event,
        cycleId: cycle.id,
        ideaId: idea.id,
        ideaTitle: idea.title,
        siteId: cycle.siteId,
        number: cycle.number,
        title: cycle.title,
        stage: cycle.stage,
        actorName: actor.name,
      },
      recipients: await this.cycles.siteMemberIds(db, cycle.networkId, cycle.siteId),
    });
  }

  private async named(actor: Actor) {
    return { userId: actor.userId, name: (await this.ideas.userNames([actor.userId])).get(actor.userId) ?? '' };
  }

  private async assertMeasures(networkId: string, measureIds: string[]): Promise<void> {
    const found = await this.cycles.measureIdsIn(networkId, measureIds);
    const index = measureIds.findIndex((id) => !found.has(id));
    if (index >= 0) throw invalid(`input.measureIds.${index}`, 'not_in_network', { kind: 'measure' });
  }
}
