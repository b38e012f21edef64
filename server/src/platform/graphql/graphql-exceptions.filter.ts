import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { BaseWsExceptionFilter } from '@nestjs/websockets';

/**
 * Hands a resolver's error straight to GraphQL, where `formatGraphqlError` answers and logs it
 * once: expected refusals without a stack, faults with one. Nest's default for GraphQL would log
 * every error (a wrong password as much as a crash) at error level with its stack. HTTP routes
 * and socket events keep Nest's defaults.
 */
@Catch()
export class GraphqlExceptionsFilter extends BaseExceptionFilter {
  private readonly sockets = new BaseWsExceptionFilter();

  override catch(exception: unknown, host: ArgumentsHost) {
    const type = host.getType<GqlContextType>();
    if (type === 'graphql') return exception;
    if (type === 'ws') return this.sockets.catch(exception, host);
    return super.catch(exception, host);
  }
}
