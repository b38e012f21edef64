import { Global, Module } from '@nestjs/common';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';
import { SessionWatch } from './session-watch';
import { SocketQuota } from './socket-quota';

@Global()
@Module({ providers: [RealtimeService, RealtimeGateway, SocketQuota, SessionWatch], exports: [RealtimeService] })
export class RealtimeModule {}
