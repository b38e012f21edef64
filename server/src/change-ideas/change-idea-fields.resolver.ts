import { Args, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  allowedTransitions,
  can,
  CHANGE_IDEA_LIMITS,
  hasPatientOrFamilyVoice,
  isProposalOpen,
  needsPatientVoiceReason,
  roleCounts,
} from '@commons/shared';
import type { ProposalRefRow } from '../proposals/proposals.service';
import { Driver } from '../aims/models/aim.model';
import { MeasureCharts } from '../charts/models/chart.model';
import { Measure } from '../measures/models/measure.model';
import { Site } from '../networks/models/site.model';
import { Ctx } from '../platform/auth/current-viewer.decorator';
import type { RequestContext } from '../platform/graphql/request-context';
import { markdownText, renderMarkdown } from '../platform/markdown/markdown';
import { ChangeIdeaLoaders } from './change-idea.loaders';
import type { CoDesignerRow } from './change-idea.select';
import { toChangeIdea } from './change-idea.mapper';
import { toDecision } from './decisions.service';
import {
  ChangeIdea,
  ChangeIdeaDecision,
  ChangeIdeaPerson,
  CoDesigner,
  DecisionParticipant,
  EndorsementSummary,
  ProposalRef,
  RoleCount,
} from './models/change-idea.model';
import { ChangeIdeaStatus, CoDesignerStatus } from './models/enums';
import { PdsaAnnotation, PdsaCycle } from './models/pdsa-cycle.model';
import { PdsaCyclesService, toPdsaCycle } from './pdsa-cycles.service';
import { FieldCost } from '../platform/graphql/field-cost';

async function personOf(loaders: ChangeIdeaLoaders, ctx: RequestContext, userId: string): Promise<ChangeIdeaPerson> {
  return { userId, name: await loaders.of(ctx).userName.load(userId) };
}

/** The viewer's standing towards an idea, from its co-designers (the proposer is the first of them). */
async function standingOf(loaders: ChangeIdeaLoaders, ctx: RequestContext, idea: { id: string; proposerId: string }) {
  const viewerId = ctx.viewer?.userId;
  const rows = await loaders.of(ctx).coDesigners.load(idea.id);
  return {
    isProposer: idea.proposerId === viewerId,
    isCoDesigner: rows.some((row) => row.userId === viewerId && row.status === 'ACTIVE'),
  };
}

const toProposalRef = (row: ProposalRefRow): ProposalRef => ({
  id: row.id,
  question: row.question,
  open: isProposalOpen(row, new Date()),
  hasUnresolvedBlock: row.blocked,
});

const active = (rows: CoDesignerRow[]) => rows.filter((row) => row.status === 'ACTIVE');

@Resolver(() => ChangeIdea)
export class ChangeIdeaFieldsResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => ChangeIdeaPerson)
  proposer(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, idea.proposerId);
  }

  @ResolveField(() => String, {
    description: 'The problem rendered from Markdown and sanitised: safe to insert as HTML.',
    complexity: FieldCost.renderedHtml(CHANGE_IDEA_LIMITS.problemMax),
  })
  problemHtml(@Parent() idea: ChangeIdea) {
    return renderMarkdown(idea.problem);
  }

  @ResolveField(() => String, {
    description: 'The idea rendered from Markdown and sanitised: safe to insert as HTML.',
    complexity: FieldCost.renderedHtml(CHANGE_IDEA_LIMITS.ideaMax),
  })
  ideaHtml(@Parent() idea: ChangeIdea) {
    return renderMarkdown(idea.idea);
  }

  @ResolveField(() => String, {
    description: 'The idea as plain text, for previews.',
    complexity: FieldCost.largeText(CHANGE_IDEA_LIMITS.ideaMax),
  })
  ideaText(@Parent() idea: ChangeIdea) {
    return markdownText(idea.idea);
  }

  @ResolveField(() => [Driver], { description: 'The drivers of the driver diagram it should move.' })
  async drivers(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return (await this.loaders.of(ctx).drivers.load(idea.id)).map((row) => row.driver);
  }

  @ResolveField(() => [CoDesigner], {
    description: 'Members co-designing it (the proposer first) and members invited to.',
  })
  async coDesigners(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext): Promise<CoDesigner[]> {
    const rows = await this.loaders.of(ctx).coDesigners.load(idea.id);
    return rows
      .filter((row) => row.status === 'ACTIVE' || row.status === 'INVITED')
      .map((row) => ({
        id: row.id,
        userId: row.userId,
        role: row.role,
        status: row.status,
        isProposer: row.userId === idea.proposerId,
        invitedById: row.invitedById,
        invitedAt: row.invitedAt,
        joinedAt: row.joinedAt,
      }));
  }

  @ResolveField(() => [RoleCount], {
    description: 'The mix of roles taking part (active co-designers, the proposer included), every role listed.',
  })
  async participation(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return roleCounts(active(await this.loaders.of(ctx).coDesigners.load(idea.id)).map((row) => row.role));
  }

  @ResolveField(() => Boolean, {
    description: 'True while no patient partner or family member takes part in co-designing it.',
  })
  async noPatientOrFamilyVoice(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return !hasPatientOrFamilyVoice(
      active(await this.loaders.of(ctx).coDesigners.load(idea.id)).map((row) => row.role),
    );
  }

  @ResolveField(() => EndorsementSummary)
  async endorsements(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext): Promise<EndorsementSummary> {
    const loaders = this.loaders.of(ctx);
    const [counts, viewerEndorsed] = await Promise.all([
      loaders.endorsementCounts.load(idea.id),
      loaders.viewerEndorsed.load(idea.id),
    ]);
    const byRole = roleCounts([]).map(({ role }) => ({ role, count: counts.find((c) => c.role === role)?.count ?? 0 }));
    return { total: byRole.reduce((sum, c) => sum + c.count, 0), byRole, viewerEndorsed };
  }

  @ResolveField(() => [ChangeIdeaDecision], {
    description:
      'Every decision on it, the most recently proposed first: taken, waiting, and ended ones (declined, withdrawn, expired) with who said what.',
  })
  async decisions(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext): Promise<ChangeIdeaDecision[]> {
    const now = new Date();
    return (await this.loaders.of(ctx).decisions.load(idea.id)).map((row) => toDecision(row, now));
  }

  @ResolveField(() => ChangeIdeaDecision, {
    nullable: true,
    description: 'The decision waiting for confirmations, if any (one at a time).',
  })
  async pendingDecision(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext): Promise<ChangeIdeaDecision | null> {
    const now = new Date();
    const waiting = (await this.loaders.of(ctx).decisions.load(idea.id))
      .map((row) => toDecision(row, now))
      .find((d) => d.status === 'PENDING');
    return waiting ?? null;
  }

  @ResolveField(() => [ProposalRef], {
    description: 'The proposals in its thread, newest first: what a decision may rest on.',
  })
  async proposals(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext): Promise<ProposalRef[]> {
    return (await this.loaders.of(ctx).proposalsOfIdea.load(idea.id)).map(toProposalRef);
  }

  @ResolveField(() => [ChangeIdeaStatus], {
    description:
      'The moves it may make now that need a recorded reason (patientVoiceReason) because no patient partner or family member co-designs it ' +
      'or took a position on a proposal in its thread.',
  })
  async movesNeedingPatientVoiceReason(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    const loaders = this.loaders.of(ctx);
    const [coDesigners, positionRoles] = await Promise.all([
      loaders.coDesigners.load(idea.id),
      loaders.voiceRoles.load(idea.id),
    ]);
    const voices = { coDesignerRoles: active(coDesigners).map((row) => row.role), positionRoles };
    return allowedTransitions(idea.status).filter((toStatus) => needsPatientVoiceReason(toStatus, voices));
  }

  @ResolveField(() => [PdsaCycle], { description: 'Its PDSA cycles, oldest first; optionally at one site.' })
  async pdsaCycles(
    @Parent() idea: ChangeIdea,
    @Ctx() ctx: RequestContext,
    @Args('siteId', { type: () => ID, nullable: true }) siteId: string | null,
  ) {
    const rows = await this.loaders.of(ctx).cycles.load(idea.id);
    return rows.filter((row) => !siteId || row.siteId === siteId).map(toPdsaCycle);
  }

  @ResolveField(() => [ChangeIdeaStatus], {
    description:
      "The statuses the lifecycle lets a decision move it to from where it is, in the lifecycle's order; empty once adopted. " +
      'The same for every viewer: whether she may propose such a decision is viewerCanRecordDecision.',
  })
  nextStatuses(@Parent() idea: ChangeIdea) {
    return allowedTransitions(idea.status);
  }

  @ResolveField(() => CoDesignerStatus, {
    nullable: true,
    description: "The viewer's place among its co-designers (INVITED: an invitation awaits her answer).",
  })
  async viewerCoDesignStatus(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    const rows = await this.loaders.of(ctx).coDesigners.load(idea.id);
    return rows.find((row) => row.userId === ctx.viewer?.userId)?.status ?? null;
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the viewer may edit its text (proposer, co-designers, network admins).',
  })
  async viewerCanEdit(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return can(
      await this.loaders.of(ctx).actor.load(idea.networkId),
      'changeIdea.edit',
      await standingOf(this.loaders, ctx, idea),
    );
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may invite co-designers.' })
  async viewerCanInvite(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return can(
      await this.loaders.of(ctx).actor.load(idea.networkId),
      'changeIdea.inviteCoDesigner',
      await standingOf(this.loaders, ctx, idea),
    );
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may record a decision on it, with others: she proposed or co-designs it, or is a site lead or network admin.',
  })
  async viewerCanRecordDecision(@Parent() idea: ChangeIdea, @Ctx() ctx: RequestContext) {
    return can(
      await this.loaders.of(ctx).actor.load(idea.networkId),
      'changeIdea.recordDecision',
      await standingOf(this.loaders, ctx, idea),
    );
  }
}

@Resolver(() => CoDesigner)
export class CoDesignerResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => ChangeIdeaPerson)
  member(@Parent() coDesigner: CoDesigner, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, coDesigner.userId);
  }

  @ResolveField(() => ChangeIdeaPerson, { nullable: true, description: 'Null for the proposer.' })
  invitedBy(@Parent() coDesigner: CoDesigner, @Ctx() ctx: RequestContext) {
    return coDesigner.invitedById ? personOf(this.loaders, ctx, coDesigner.invitedById) : null;
  }
}

@Resolver(() => ChangeIdeaDecision)
export class ChangeIdeaDecisionResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => ChangeIdeaPerson, { description: 'Who recorded it.' })
  decidedBy(@Parent() decision: ChangeIdeaDecision, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, decision.decidedById);
  }

  @ResolveField(() => ChangeIdea, { description: 'The idea it moves.' })
  async idea(@Parent() decision: ChangeIdeaDecision, @Ctx() ctx: RequestContext) {
    return toChangeIdea((await this.loaders.of(ctx).idea.load(decision.ideaId))!);
  }

  @ResolveField(() => ProposalRef, {
    nullable: true,
    description: "The proposal in the idea's thread it rests on, if any.",
  })
  async proposal(@Parent() decision: ChangeIdeaDecision, @Ctx() ctx: RequestContext): Promise<ProposalRef | null> {
    if (!decision.proposalId) return null;
    const row = await this.loaders.of(ctx).proposalRef.load(decision.proposalId);
    return row && toProposalRef(row);
  }
}

@Resolver(() => DecisionParticipant)
export class DecisionParticipantResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => ChangeIdeaPerson)
  member(@Parent() participant: DecisionParticipant, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, participant.userId);
  }
}

@Resolver(() => PdsaCycle)
export class PdsaCycleFieldsResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => Site)
  site(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    return ctx.loaders.site.load(cycle.siteId);
  }

  @ResolveField(() => ChangeIdea)
  async idea(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    return toChangeIdea((await this.loaders.of(ctx).idea.load(cycle.ideaId))!);
  }

  @ResolveField(() => [Measure], { description: 'The measures it should move.' })
  async measures(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    const measures = await this.loaders.of(ctx).measure.loadMany(cycle.measureIds);
    return measures.filter((m): m is NonNullable<typeof m> & { id: string } => m !== null && !(m instanceof Error));
  }

  @ResolveField(() => ChangeIdeaPerson)
  createdBy(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, cycle.createdById);
  }

  @ResolveField(() => ChangeIdeaPerson)
  updatedBy(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    return personOf(this.loaders, ctx, cycle.updatedById);
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the viewer may write this cycle (its site's team, the idea's co-designers at that site, admins).",
  })
  async viewerCanEdit(@Parent() cycle: PdsaCycle, @Ctx() ctx: RequestContext) {
    const loaders = this.loaders.of(ctx);
    const idea = await loaders.idea.load(cycle.ideaId);
    if (!idea) return false;
    return can(await loaders.actor.load(cycle.networkId), 'pdsa.write', {
      siteId: cycle.siteId,
      ...(await standingOf(this.loaders, ctx, idea)),
    });
  }
}

@Resolver(() => PdsaAnnotation)
export class PdsaAnnotationResolver {
  @ResolveField(() => Site)
  site(@Parent() annotation: PdsaAnnotation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.site.load(annotation.siteId);
  }
}

/** The driver diagram's change-ideas column. */
@Resolver(() => Driver)
export class DriverChangeIdeasResolver {
  constructor(private readonly loaders: ChangeIdeaLoaders) {}

  @ResolveField(() => [ChangeIdea], {
    description: 'The change ideas meant to move this driver, most recently changed first.',
  })
  async changeIdeas(@Parent() driver: Driver, @Ctx() ctx: RequestContext) {
    return (await this.loaders.of(ctx).ideasOfDriver.load(driver.id)).map((row) => toChangeIdea(row.idea));
  }
}

/** PDSA cycles on a measure's charts. */
@Resolver(() => MeasureCharts)
export class MeasureChartsPdsaResolver {
  constructor(private readonly cycles: PdsaCyclesService) {}

  @ResolveField(() => [PdsaAnnotation], {
    description:
      "PDSA cycles meant to move this measure, at every site, oldest first: draw each on its site's chart at its dates.",
  })
  pdsaAnnotations(@Parent() charts: MeasureCharts) {
    return this.cycles.annotationsOfMeasure(charts.measure.id);
  }
}
