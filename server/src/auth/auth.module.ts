import { Global, Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersModule } from '../members/members.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInLimiter } from './sign-in-limiter';

@Global()
@Module({
  imports: [MembersModule, InvitationsModule],
  providers: [SessionRepository, SessionService, SignInLimiter, AuthService, AuthResolver],
  exports: [SessionService],
})
export class AuthModule {}
