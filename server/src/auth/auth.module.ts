import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersModule } from '../members/members.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SignInLimiter } from './sign-in-limiter';

@Module({
  imports: [MembersModule, InvitationsModule],
  providers: [SignInLimiter, AuthService, AuthResolver],
})
export class AuthModule {}
