import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MemberAccountsService } from './member-accounts.service';
import { MemberRepository } from './member.repository';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { ProfileResolver, ViewerMembershipResolver } from './profile.resolver';
import { SiteRequestRepository } from './site-request.repository';
import { SiteRequestsResolver } from './site-requests.resolver';
import { SiteRequestsService } from './site-requests.service';
import { UserRepository } from './user.repository';

@Module({
  imports: [NetworksModule, NotificationsModule],
  providers: [
    UserRepository,
    MemberRepository,
    MembersService,
    MemberAccountsService,
    MembersResolver,
    ProfileResolver,
    ViewerMembershipResolver,
    SiteRequestRepository,
    SiteRequestsService,
    SiteRequestsResolver,
  ],
  exports: [MembersService, MemberAccountsService],
})
export class MembersModule {}
