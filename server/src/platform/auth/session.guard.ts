import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../graphql/app-error';
import type { RequestContext } from '../graphql/request-context';
import { IS_PUBLIC } from './public.decorator';

/** Global guard: every resolver needs a signed-in viewer unless it is marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (context.getType<string>() !== 'graphql') return true; // HTTP routes guard themselves
    const { viewer } = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!viewer) throw unauthenticated();
    return true;
  }
}
