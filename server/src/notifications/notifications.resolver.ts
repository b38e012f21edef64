import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { pagedComplexity } from '../platform/graphql/pagination';
import { NotificationsArgs, SetNotificationPreferenceArgs } from './dto/notifications.args';
import { Notification, NotificationConnection, NotificationPreference } from './models/notification.model';
import { NotificationLoaders } from './notification.loaders';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly loaders: NotificationLoaders,
  ) {}

  @Query(() => NotificationConnection, {
    description: "The viewer's notifications in a network, newest first.",
    complexity: pagedComplexity,
  })
  notifications(@CurrentViewer() viewer: Viewer, @Args() args: NotificationsArgs) {
    return this.service.list(viewer, args);
  }

  @Query(() => Int, { description: "How many of the viewer's notifications in a network are unread (the badge)." })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.unreadCount(viewer, networkId);
  }

  @Query(() => [NotificationPreference], {
    description: "The viewer's choice for every kind of notification, defaults included.",
  })
  notificationPreferences(@CurrentViewer() viewer: Viewer) {
    return this.service.preferences(viewer);
  }

  @Mutation(() => Notification, { description: "Marks one of the viewer's notifications read." })
  markNotificationRead(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.service.markRead(viewer, id);
  }

  @Mutation(() => Int, {
    description: "Marks all of the viewer's notifications in a network read; returns how many were unread.",
  })
  markAllNotificationsRead(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.markAllRead(viewer, networkId);
  }

  @Mutation(() => NotificationPreference, {
    description:
      'Sets whether the viewer gets a kind of notification in the app and by email. In-app off: nothing of that kind is recorded for her.',
  })
  setNotificationPreference(@CurrentViewer() viewer: Viewer, @Args() args: SetNotificationPreferenceArgs) {
    return this.service.setPreference(viewer, args);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Who caused it: her name as the notice recorded it, else her name now.',
  })
  async actorName(@Parent() notification: Notification, @Ctx() ctx: RequestContext) {
    if (notification.payloadActorName) return notification.payloadActorName;
    return notification.actorId ? this.loaders.of(ctx).userName.load(notification.actorId) : null;
  }
}
