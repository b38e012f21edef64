import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { setSessionCookie } from '../auth/session-cookie';
import { Ctx } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import type { RequestContext } from '../platform/graphql/request-context';
import { requestMeta } from '../platform/http/request-meta';
import { CompleteSetupInput } from './dto/complete-setup.input';
import { CompletedSetup, SetupStatus } from './models/setup-status.model';
import { SetupService } from './setup.service';

@Resolver()
export class SetupResolver {
  constructor(
    private readonly setup: SetupService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => SetupStatus, { description: 'Whether this Commons has no network yet (the first-run page).' })
  setupStatus() {
    return this.setup.status();
  }

  @Public()
  @Mutation(() => CompletedSetup, {
    description:
      'First run: with the setup code printed at start-up, creates the network, its sites and its first admin, and signs her in. ALREADY_SET_UP once any network exists.',
  })
  async completeSetup(@Ctx() ctx: RequestContext, @Args('input') input: CompleteSetupInput) {
    const { session, networkSlug } = await this.setup.complete(input, requestMeta(ctx.req));
    setSessionCookie(ctx.res, ctx.req, this.config, session.token, session.expiresAt);
    ctx.viewer = session.viewer;
    return { networkSlug };
  }
}
