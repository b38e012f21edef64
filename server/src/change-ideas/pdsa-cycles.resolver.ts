import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { EditPdsaCycleInput, PdsaCycleInput } from './dto/change-idea.input';
import { PdsaAnnotation, PdsaCycle } from './models/pdsa-cycle.model';
import { PdsaCyclesService } from './pdsa-cycles.service';

@Resolver(() => PdsaCycle)
export class PdsaCyclesResolver {
  constructor(private readonly service: PdsaCyclesService) {}

  @Query(() => PdsaCycle)
  pdsaCycle(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(viewer, id);
  }

  @Query(() => [PdsaAnnotation], {
    description:
      "PDSA cycles to draw on charts at their dates, oldest first: a network's, optionally one site's, optionally only those meant to move one measure.",
  })
  pdsaAnnotations(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId: string | null,
    @Args('measureId', { type: () => ID, nullable: true }) measureId: string | null,
  ) {
    return this.service.annotations(viewer, networkId, siteId ?? null, measureId ?? null);
  }

  @Mutation(() => PdsaCycle, {
    description:
      "Starts a PDSA cycle of an idea in TESTING at a site: its site team (site lead, clinicians), the idea's co-designers at that site, or admins.",
  })
  createPdsaCycle(
    @CurrentViewer() viewer: Viewer,
    @Args('ideaId', { type: () => ID }) ideaId: string,
    @Args('input') input: PdsaCycleInput,
  ) {
    return this.service.create(viewer, ideaId, input);
  }

  @Mutation(() => PdsaCycle, {
    description: "Saves a PDSA cycle's do, study and act; a stale expectedVersion answers CONFLICT.",
  })
  updatePdsaCycle(
    @CurrentViewer() viewer: Viewer,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('input') input: EditPdsaCycleInput,
  ) {
    return this.service.update(viewer, cycleId, input);
  }
}
