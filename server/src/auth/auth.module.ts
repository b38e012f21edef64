import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MembersModule } from '../members/members.module';
import { AccountLimiter } from './account-limiter';
import { AccountRepository } from './account.repository';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SignInLimiter } from './sign-in-limiter';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [MembersModule, InvitationsModule],
  providers: [
    SignInLimiter,
    AuthService,
    AuthResolver,
    AccountRepository,
    AccountLimiter,
    AccountService,
    TwoFactorService,
    AccountResolver,
  ],
})
export class AuthModule {}
