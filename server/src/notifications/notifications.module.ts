import { Module } from '@nestjs/common';
import { NotificationLoaders } from './notification.loaders';
import { NotificationRepository } from './notification.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

@Module({
  providers: [NotificationRepository, NotificationsService, NotificationLoaders, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
