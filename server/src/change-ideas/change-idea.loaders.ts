import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Actor } from '@commons/shared';
import { AccessService } from '../platform/auth/access.service';
import type { RequestContext } from '../platform/graphql/request-context';
import { ProposalsService } from '../proposals/proposals.service';
import { ChangeIdeaRepository } from './change-idea.repository';
import { DecisionRepository } from './decision.repository';
import { PdsaCycleRepository } from './pdsa-cycle.repository';

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

interface Sources {
  ideas: ChangeIdeaRepository;
  cycles: PdsaCycleRepository;
  decisions: DecisionRepository;
  proposals: ProposalsService;
}

function createLoaders(ctx: RequestContext, { ideas, cycles, decisions, proposals }: Sources, access: AccessService) {
  const grouped = <T, K extends string>(load: (keys: string[]) => Promise<T[]>, key: (row: T) => K) =>
    new DataLoader<string, T[]>(async (keys) => {
      const groups = groupBy(await load([...keys]), key);
      return keys.map((k) => groups.get(k as K) ?? []);
    });
  return {
    idea: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await ideas.findMany([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    userName: new DataLoader(async (ids: readonly string[]) => {
      const names = await ideas.userNames([...ids]);
      return ids.map((id) => names.get(id) ?? '');
    }),
    drivers: grouped(ideas.driversOf.bind(ideas), (row) => row.ideaId),
    coDesigners: grouped(
      (ids) => ideas.coDesignersOf(ids),
      (row) => row.ideaId,
    ),
    endorsementCounts: grouped(ideas.endorsementCounts.bind(ideas), (row) => row.ideaId),
    decisions: grouped(decisions.decisionsOf.bind(decisions), (row) => row.ideaId),
    /** Roles of those who took a position on a proposal in each idea's thread (the patient voice). */
    voiceRoles: new DataLoader(async (ids: readonly string[]) => {
      const roles = await proposals.voiceRolesOfIdeas([...ids]);
      return ids.map((id) => roles.get(id) ?? []);
    }),
    proposalRef: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await proposals.refs([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    proposalsOfIdea: grouped(
      (ids) => proposals.refsOfIdeas(ids),
      (row) => row.ideaId,
    ),
    cycles: grouped(
      (ids) => cycles.cyclesOf(ids),
      (row) => row.ideaId,
    ),
    ideasOfDriver: grouped(ideas.ideasOfDrivers.bind(ideas), (row) => row.driverId),
    viewerEndorsed: new DataLoader(async (ids: readonly string[]) => {
      if (!ctx.viewer) return ids.map(() => false);
      const endorsed = await ideas.endorsedBy(ctx.viewer.userId, [...ids]);
      return ids.map((id) => endorsed.has(id));
    }),
    measure: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await cycles.measuresOf([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    /** The viewer as an actor per network (null when not an active member). */
    actor: new DataLoader<string, Actor | null>(async (networkIds) =>
      Promise.all(
        networkIds.map((networkId) => (ctx.viewer ? access.actorIn(ctx.viewer, networkId) : Promise.resolve(null))),
      ),
    ),
  };
}

export type ChangeIdeaLoaderSet = ReturnType<typeof createLoaders>;

/** Per-request DataLoaders for change ideas' fields, so a list of N ideas costs one query per field. */
@Injectable()
export class ChangeIdeaLoaders {
  private readonly perRequest = new WeakMap<RequestContext, ChangeIdeaLoaderSet>();

  constructor(
    private readonly ideas: ChangeIdeaRepository,
    private readonly cycles: PdsaCycleRepository,
    private readonly decisions: DecisionRepository,
    private readonly proposals: ProposalsService,
    private readonly access: AccessService,
  ) {}

  of(ctx: RequestContext): ChangeIdeaLoaderSet {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = createLoaders(
        ctx,
        { ideas: this.ideas, cycles: this.cycles, decisions: this.decisions, proposals: this.proposals },
        this.access,
      );
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}
