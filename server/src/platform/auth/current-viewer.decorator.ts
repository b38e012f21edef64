import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/request-context';

/** The signed-in viewer of a guarded resolver (the guard guarantees there is one). */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().viewer;
});

/** The whole request context: viewer, loaders, request and response. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
});
