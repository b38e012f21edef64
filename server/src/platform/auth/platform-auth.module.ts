import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { SessionGuard } from './session.guard';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';

@Global()
@Module({
  providers: [
    AccessRepository,
    AccessService,
    SessionRepository,
    SessionService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AccessService, SessionService],
})
export class PlatformAuthModule {}
