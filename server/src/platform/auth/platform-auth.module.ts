import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { SessionGuard } from './session.guard';

@Global()
@Module({
  providers: [AccessRepository, AccessService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AccessService],
})
export class PlatformAuthModule {}
