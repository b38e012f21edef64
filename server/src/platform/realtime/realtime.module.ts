import { Global, Module } from '@nestjs/common';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import { SocketQuota } from './socket-quota';

@Global()
@Module({ providers: [RealtimeService, RealtimeGateway, SocketQuota], exports: [RealtimeService] })
export class RealtimeModule {}
