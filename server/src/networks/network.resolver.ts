import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { Network } from './models/network.model';
import { Site } from './models/site.model';
import { NetworkService } from './network.service';

@Resolver(() => Network)
export class NetworkResolver {
  constructor(private readonly networks: NetworkService) {}

  @Query(() => Network, { description: 'A network the viewer belongs to, by its slug.' })
  network(@CurrentViewer() viewer: Viewer, @Args('slug') slug: string) {
    return this.networks.bySlug(viewer, slug);
  }

  @Mutation(() => Network, {
    description:
      'Network admins: how many days (1-90) decisions on change ideas wait for confirmations. Decisions already waiting keep their expiry.',
  })
  setDecisionConfirmationDays(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('days', { type: () => Int }) days: number,
  ) {
    return this.networks.setDecisionConfirmationDays(viewer, networkId, days);
  }

  @ResolveField(() => [Site], { description: 'The care centres of the network, by name.' })
  sites(@CurrentViewer() viewer: Viewer, @Parent() network: Network) {
    return this.networks.sites(viewer, network.id);
  }
}
