import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { NetworksModule } from '../networks/networks.module';
import { InvitationRepository } from './invitation.repository';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [MembersModule, NetworksModule],
  providers: [InvitationRepository, InvitationsService, InvitationsResolver],
  exports: [InvitationsService],
})
export class InvitationsModule {}
