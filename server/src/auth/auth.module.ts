import { Global, Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersModule } from '../members/members.module';
import { AccountLimiter } from './account-limiter';
import { AccountRepository } from './account.repository';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInLimiter } from './sign-in-limiter';
import { TwoFactorService } from './two-factor.service';

@Global()
@Module({
  imports: [MembersModule, InvitationsModule],
  providers: [
    SessionRepository,
    SessionService,
    SignInLimiter,
    AuthService,
    AuthResolver,
    AccountRepository,
    AccountLimiter,
    AccountService,
    TwoFactorService,
    AccountResolver,
  ],
  exports: [SessionService],
})
export class AuthModule {}
