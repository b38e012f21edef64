import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MessageRateLimiter } from './message-rate-limiter';
import { ThreadLiveService } from './thread-live.service';
import { ThreadLoaders } from './thread.loaders';
import { ThreadRepository } from './thread.repository';
import { ThreadsGateway } from './threads.gateway';
import { MessageFieldsResolver, ThreadsResolver } from './threads.resolver';
import { ThreadsService } from './threads.service';
import { TypingThrottle } from './typing-throttle';

// One thread model for change ideas, resources, groups and sites: GraphQL for history and
// unread counts, socket.io (ThreadsGateway, on the platform's realtime server) for live traffic.
@Module({
  imports: [NotificationsModule],
  providers: [
    ThreadRepository,
    ThreadsService,
    ThreadLiveService,
    ThreadLoaders,
    MessageRateLimiter,
    TypingThrottle,
    ThreadsResolver,
    MessageFieldsResolver,
    ThreadsGateway,
  ],
  exports: [ThreadsService, ThreadLiveService],
})
export class ThreadsModule {}
