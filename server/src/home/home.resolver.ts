import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { HOME_CARDS_MAX, HomeService } from './home.service';
import { MyChangeIdea, SiteTestingIdea } from './models/home-card.model';

@Resolver()
export class HomeResolver {
  constructor(private readonly service: HomeService) {}

  @Query(() => [MyChangeIdea], {
    description:
      'Home cards for a patient or family partner (any member may ask): the change ideas the viewer co-designs or endorsed, ' +
      'with unread messages in their threads and the next decision due; ideas in progress first, the soonest decision first.',
    complexity: ({ args, childComplexity }) => (args.first ?? 10) * Math.max(childComplexity, 1),
  })
  myChangeIdeas(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('first', { type: () => Int, defaultValue: 10, description: `1-${HOME_CARDS_MAX}.` }) first: number,
  ) {
    return this.service.myChangeIdeas(viewer, networkId, first);
  }

  @Query(() => [SiteTestingIdea], {
    description:
      'Home cards for a clinician or site lead (any member with a site may ask): the change ideas in TESTING with PDSA cycles ' +
      "at the viewer's site, with those cycles; empty for a member without a site.",
  })
  ideasTestingAtMySite(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.ideasTestingAtMySite(viewer, networkId);
  }
}
