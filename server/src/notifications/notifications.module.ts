import { Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';

@Module({ providers: [NotificationRepository, NotificationsService], exports: [NotificationsService] })
export class NotificationsModule {}
