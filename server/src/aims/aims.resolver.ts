import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { AimsService } from './aims.service';
import { AimInput, DriverInput } from './dto/aim.input';
import { Aim, Driver } from './models/aim.model';

@Resolver(() => Aim)
export class AimsResolver {
  constructor(private readonly service: AimsService) {}

  @Query(() => Aim, {
    nullable: true,
    description: "The network's shared aim with current progress; null until an admin sets it.",
  })
  aim(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.aim(viewer, networkId);
  }

  @Mutation(() => Aim, { description: 'Network admins: set the aim.' })
  updateAim(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: AimInput,
  ) {
    return this.service.updateAim(viewer, networkId, input);
  }

  @Query(() => [Driver], { description: 'The key driver diagram: primary drivers and their secondary drivers.' })
  drivers(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.drivers(viewer, networkId);
  }

  @Mutation(() => Driver)
  createDriver(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: DriverInput,
  ) {
    return this.service.createDriver(viewer, networkId, input);
  }

  @Mutation(() => Driver)
  updateDriver(
    @CurrentViewer() viewer: Viewer,
    @Args('driverId', { type: () => ID }) driverId: string,
    @Args('input') input: DriverInput,
  ) {
    return this.service.updateDriver(viewer, driverId, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a driver and its secondary drivers.' })
  deleteDriver(@CurrentViewer() viewer: Viewer, @Args('driverId', { type: () => ID }) driverId: string) {
    return this.service.deleteDriver(viewer, driverId);
  }
}
