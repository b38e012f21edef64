import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { MemberRepository } from './member.repository';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';
import { ProfileResolver, ViewerMembershipResolver } from './profile.resolver';
import { UserRepository } from './user.repository';

@Module({
  imports: [NetworksModule],
  providers: [UserRepository, MemberRepository, MembersService, MembersResolver, ProfileResolver, ViewerMembershipResolver],
  exports: [UserRepository, MemberRepository, MembersService],
})
export class MembersModule {}
