import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MembersService } from '../members/members.service';
import { Profile } from '../members/models/profile.model';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import type { Viewer } from '../platform/auth/viewer';
import type { RequestContext } from '../platform/graphql/request-context';
import { requestMeta, requestOrigin } from '../platform/http/request-meta';
import { AccountService } from './account.service';
import {
  ChangePasswordInput,
  ConfirmEmailChangeInput,
  DisableTwoFactorInput,
  EnableTwoFactorInput,
  RequestEmailChangeInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  TwoFactorSignInInput,
} from './dto/account.input';
import { AccountSecurity, TwoFactorEnrolment } from './models/account.model';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { setSessionCookie } from './session-cookie';
import { TwoFactorService } from './two-factor.service';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly twoFactor: TwoFactorService,
    private readonly members: MembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Int, {
    description:
      "Changes the viewer's password (the current one is required); ends her other sessions and returns how many.",
  })
  changePassword(
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: RequestContext,
    @Args('input') input: ChangePasswordInput,
  ) {
    return this.accounts.changePassword(viewer, input, requestMeta(ctx.req).ipAddress);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Emails a password reset link if the address has an account. Answers true either way.',
  })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInput) {
    return this.accounts.requestPasswordReset(input, requestMeta(ctx.req).ipAddress, requestOrigin(ctx.req));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset link (once); every session of the account ends.',
  })
  resetPassword(@Args('input') input: ResetPasswordInput) {
    return this.accounts.resetPassword(input);
  }

  @Mutation(() => Boolean, {
    description: 'Sends a confirmation link to a new address (the current password is required).',
  })
  requestEmailChange(
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: RequestContext,
    @Args('input') input: RequestEmailChangeInput,
  ) {
    return this.accounts.requestEmailChange(viewer, input, requestMeta(ctx.req).ipAddress, requestOrigin(ctx.req));
  }

  @Public()
  @Mutation(() => String, {
    description:
      'Confirms a new address with the link sent to it; returns the address now in use. The old address is told.',
  })
  async confirmEmailChange(@Args('input') input: ConfirmEmailChangeInput) {
    return (await this.accounts.confirmEmailChange(input)).email;
  }

  @Query(() => AccountSecurity, { description: "The viewer's two-factor sign-in state." })
  async accountSecurity(@CurrentViewer() viewer: Viewer) {
    const status = await this.twoFactor.status(viewer);
    return {
      twoFactorEnabled: status.enabled,
      twoFactorEnabledAt: status.enabledAt,
      recoveryCodesLeft: status.recoveryCodesLeft,
    };
  }

  @Mutation(() => TwoFactorEnrolment, {
    description: 'Starts two-factor enrolment: a new secret for an authenticator app.',
  })
  beginTwoFactorEnrolment(@CurrentViewer() viewer: Viewer) {
    return this.twoFactor.beginEnrolment(viewer);
  }

  @Mutation(() => [String], {
    description:
      'Turns two-factor sign-in on with a code from the new secret; returns the recovery codes, shown only this once.',
  })
  enableTwoFactor(@CurrentViewer() viewer: Viewer, @Args('input') input: EnableTwoFactorInput) {
    return this.twoFactor.enable(viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Turns two-factor sign-in off (password and a code required).' })
  disableTwoFactor(@CurrentViewer() viewer: Viewer, @Args('input') input: DisableTwoFactorInput) {
    return this.twoFactor.disable(viewer, input);
  }

  @Public()
  @Mutation(() => Profile, {
    description:
      'The second step of signing in to an account with two-factor: a code, or a recovery code. Sets the session cookie.',
  })
  async completeTwoFactorSignIn(@Ctx() ctx: RequestContext, @Args('input') input: TwoFactorSignInInput) {
    const session = await this.twoFactor.completeSignIn(input, requestMeta(ctx.req));
    setSessionCookie(ctx.res, ctx.req, this.config, session.token, session.expiresAt);
    ctx.viewer = session.viewer;
    return this.members.profile(session.viewer);
  }
}
