import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MembersService } from '../members/members.service';
import { Profile } from '../members/models/profile.model';
import { Ctx, CurrentViewer } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import type { RequestContext } from '../platform/graphql/request-context';
import { requestMeta } from '../platform/http/request-meta';
import { AuthService } from './auth.service';
import { RegisterInput, SignInInput } from './dto/auth.input';
import { SessionInfo } from './models/session-info.model';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from '../platform/auth/session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly members: MembersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Mutation(() => Profile, { description: 'Signs in and sets the session cookie.' })
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInput) {
    const session = await this.auth.signIn(input, requestMeta(ctx.req));
    return this.startSession(ctx, session);
  }

  @Public()
  @Mutation(() => Profile, { description: 'Creates an account from an invitation and signs in.' })
  async register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput) {
    const session = await this.auth.register(input, requestMeta(ctx.req));
    return this.startSession(ctx, session);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@CurrentViewer() viewer: Viewer, @Ctx() ctx: RequestContext) {
    await this.auth.signOut(viewer);
    clearSessionCookie(ctx.res, ctx.req, this.config);
    return true;
  }

  @Query(() => [SessionInfo], { description: "The viewer's active sessions." })
  mySessions(@CurrentViewer() viewer: Viewer) {
    return this.sessions.list(viewer);
  }

  @Mutation(() => Boolean, { description: "Ends one of the viewer's sessions (signs that device out)." })
  async revokeSession(
    @CurrentViewer() viewer: Viewer,
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ) {
    await this.sessions.revoke(viewer, sessionId);
    if (sessionId === viewer.sessionId) clearSessionCookie(ctx.res, ctx.req, this.config);
    return true;
  }

  private async startSession(ctx: RequestContext, session: { token: string; viewer: Viewer; expiresAt: Date }) {
    setSessionCookie(ctx.res, ctx.req, this.config, session.token, session.expiresAt);
    ctx.viewer = session.viewer;
    return this.members.profile(session.viewer);
  }
}
