import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { SetupRepository } from './setup.repository';
import { SetupResolver } from './setup.resolver';
import { SetupService } from './setup.service';

@Module({
  imports: [MembersModule],
  providers: [SetupRepository, SetupService, SetupResolver],
  exports: [SetupService],
})
export class SetupModule {}
