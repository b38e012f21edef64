import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { Readiness } from './readiness';

@Global()
@Module({ controllers: [HealthController], providers: [HealthRepository, Readiness], exports: [Readiness] })
export class HealthModule {}
