import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ThreadsModule } from '../threads/threads.module';
import { ProposalRepository } from './proposal.repository';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';

// Proposals live in threads: who sees and answers them follows the thread's rules, and their live
// tallies go to the thread's room (proposal:changed). Decisions on change ideas may rest on them.
@Module({
  imports: [ThreadsModule, NotificationsModule],
  providers: [ProposalRepository, ProposalsService, ProposalsResolver],
  exports: [ProposalsService],
})
export class ProposalsModule {}
