import { Injectable } from '@nestjs/common';
import { allowedTransitions, isoDay, isOpenChangeIdea, nextDecisionDue } from '@commons/shared';
import { toChangeIdea } from '../change-ideas/change-idea.mapper';
import type { IdeaRow } from '../change-ideas/change-idea.select';
import type { CycleRow } from '../change-ideas/pdsa-cycle.select';
import { toPdsaCycle } from '../change-ideas/pdsa-cycles.service';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { invalid } from '../platform/graphql/app-error';
import { HomeRepository } from './home.repository';
import type { MyChangeIdea, NextDecision, SiteTestingIdea } from './models/home-card.model';
import { NextDecisionBasis } from './models/home-card.model';

/** Ideas considered for "my change ideas" before sorting: a member takes part in far fewer. */
const INVOLVED_IDEAS_SCANNED = 200;
export const HOME_CARDS_MAX = 50;

function nextDecisionOf(idea: IdeaRow, cycles: CycleRow[], today: string): NextDecision | null {
  const due = nextDecisionDue(
    {
      status: idea.status,
      nextDecisionOn: idea.nextDecisionOn ? isoDay(idea.nextDecisionOn) : null,
      cycles: cycles.map((c) => ({ id: c.id, stage: c.stage, act: c.act, endOn: c.endOn ? isoDay(c.endOn) : null })),
    },
    today,
  );
  if (!due) return null;
  const cycle = due.cycleId ? cycles.find((c) => c.id === due.cycleId) : undefined;
  return {
    dueOn: due.dueOn,
    basis: NextDecisionBasis[due.basis],
    cycle: cycle ? toPdsaCycle(cycle) : null,
    overdue: due.overdue,
    options: [...allowedTransitions(idea.status)],
  };
}

const byDueDate = (a: MyChangeIdea, b: MyChangeIdea) => {
  const openA = isOpenChangeIdea(a.idea.status);
  const openB = isOpenChangeIdea(b.idea.status);
  if (openA !== openB) return openA ? -1 : 1;
  const dueA = a.nextDecision?.dueOn ?? '9999-12-31';
  const dueB = b.nextDecision?.dueOn ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return b.idea.updatedAt.getTime() - a.idea.updatedAt.getTime();
};

/**
 * The home page's cards (tailored feedback): for a patient or family partner, the change ideas
 * she co-designs or endorsed; for a clinician or site lead, the ideas being tested at her site.
 * Both answer any member, for her own ideas and her own site.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly home: HomeRepository,
    private readonly access: AccessService,
  ) {}

  /** Ideas she co-designs or endorsed: those in progress first, the next decision due soonest first. */
  async myChangeIdeas(viewer: Viewer, networkId: string, first: number): Promise<MyChangeIdea[]> {
    await this.access.require(viewer, networkId, 'changeIdea.view');
    if (!Number.isInteger(first) || first < 1 || first > HOME_CARDS_MAX)
      throw invalid('first', 'out_of_range', { min: 1, max: HOME_CARDS_MAX });
    const involved = await this.home.involvedIdeas(viewer.userId, networkId, INVOLVED_IDEAS_SCANNED);
    const ids = involved.map((row) => row.idea.id);
    const [cycles, unread] = await Promise.all([this.home.cyclesOf(ids), this.home.unreadMessages(viewer.userId, ids)]);
    const today = isoDay(new Date());
    const cards = involved.map(({ idea, coDesigning, endorsed }) => ({
      idea: toChangeIdea(idea),
      proposed: idea.proposerId === viewer.userId,
      coDesigning,
      endorsed,
      unreadMessages: unread.get(idea.id) ?? 0,
      nextDecision: nextDecisionOf(
        idea,
        cycles.filter((c) => c.ideaId === idea.id),
        today,
      ),
    }));
    return cards.sort(byDueDate).slice(0, first);
  }

  /** Ideas in TESTING with PDSA cycles at her site, the most recently started first; none when she has no site. */
  async ideasTestingAtMySite(viewer: Viewer, networkId: string): Promise<SiteTestingIdea[]> {
    const actor = await this.access.require(viewer, networkId, 'pdsa.view');
    if (!actor.siteId) return [];
    const rows = await this.home.testingCyclesAtSite(networkId, actor.siteId);
    const byIdea = new Map<string, { idea: IdeaRow; cycles: CycleRow[] }>();
    for (const { idea, ...cycle } of rows) {
      const entry = byIdea.get(idea.id) ?? { idea, cycles: [] };
      entry.cycles.push(cycle);
      byIdea.set(idea.id, entry);
    }
    const allCycles = await this.home.cyclesOf([...byIdea.keys()]);
    const today = isoDay(new Date());
    return [...byIdea.values()].map(({ idea, cycles }) => ({
      idea: toChangeIdea(idea),
      cycles: cycles.map(toPdsaCycle),
      nextDecision: nextDecisionOf(
        idea,
        allCycles.filter((c) => c.ideaId === idea.id),
        today,
      ),
    }));
  }
}
