import type { ApolloServerPlugin } from '@apollo/server';
import { isStorableText } from '@commons/shared';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema, isObjectType, OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';
import { invalid } from './app-error';

/** Limits on running one operation (see README, "Configuration"). */
export interface ExecutionLimits {
  maxResponseBytes: number;
  timeoutMs: number;
}

type StopCode = 'RESPONSE_TOO_LARGE' | 'TIMEOUT';

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === 'function';

/** About how many bytes of JSON a field's value adds to the answer; objects count through their own fields. */
function jsonSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || value === undefined) return 4;
  if (typeof value !== 'object') return 8;
  if (value instanceof Date) return 26;
  if (Array.isArray(value)) {
    let size = 2;
    for (const item of value)
      size +=
        1 +
        (typeof item === 'object' && item !== null && !Array.isArray(item) && !(item instanceof Date)
          ? 2
          : jsonSize(item));
    return size;
  }
  return 2;
}

/**
 * Watches one operation as it runs. Every field adds the size of its value to a running total:
 * past `maxResponseBytes` the answer stops growing. A query gets `timeoutMs`: past it, no field
 * starts and none is waited for (the database work already sent finishes on its own, its result
 * dropped). Either way the whole answer becomes one error (see `executionGuardPlugin`).
 * Mutations get no deadline: abandoning one half way would leave the member unsure whether it
 * took effect.
 */
export class ExecutionGuard {
  stopped: StopCode | null = null;
  private bytes = 0;
  private deadline = Number.POSITIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private giveUp: (error: GraphQLError) => void = () => undefined;
  private readonly abandoned: Promise<never>;

  constructor(private readonly limits: ExecutionLimits) {
    this.abandoned = new Promise<never>((_, reject) => (this.giveUp = reject));
    this.abandoned.catch(() => undefined);
  }

  /** Execution begins. */
  start(operation: OperationTypeNode | undefined): void {
    if (operation !== OperationTypeNode.QUERY) return;
    this.deadline = Date.now() + this.limits.timeoutMs;
    this.timer = setTimeout(() => this.stop('TIMEOUT'), this.limits.timeoutMs);
    this.timer.unref();
  }

  /** The answer is about to be sent. */
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The error the whole answer becomes once stopped. */
  error(): GraphQLError {
    if (this.stopped === 'TIMEOUT') {
      const seconds = Math.round(this.limits.timeoutMs / 100) / 10;
      return new GraphQLError(
        `This query took longer than ${seconds} s and was abandoned. Ask for less, or try again later.`,
        { extensions: { code: 'TIMEOUT' } },
      );
    }
    const megabytes = Math.round(this.limits.maxResponseBytes / 100_000) / 10;
    return new GraphQLError(
      `The answer would be too large (more than ${megabytes} MB) and was stopped. Ask for fewer items or fields.`,
      {
        extensions: { code: 'RESPONSE_TOO_LARGE' },
      },
    );
  }

  /** HTTP status of the stopped answer: the client asked too much (400), or the server ran out of time (503). */
  status(): number {
    return this.stopped === 'TIMEOUT' ? 503 : 400;
  }

  /** Resolves one field through `resolve`, unless the operation was stopped; counts what it adds. */
  run(resolve: () => unknown, key: string | number): unknown {
    if (!this.stopped && Date.now() > this.deadline) this.stop('TIMEOUT');
    if (this.stopped) throw this.error();
    const result = resolve();
    if (!isPromise(result)) return this.count(key, result);
    const counted = result.then((value) => this.count(key, value));
    return this.deadline === Number.POSITIVE_INFINITY ? counted : Promise.race([counted, this.abandoned]);
  }

  private count(key: string | number, value: unknown): unknown {
    this.bytes += String(key).length + 4 + jsonSize(value);
    if (this.bytes > this.limits.maxResponseBytes) this.stop('RESPONSE_TOO_LARGE');
    if (this.stopped) throw this.error();
    return value;
  }

  private stop(code: StopCode): void {
    if (this.stopped) return;
    this.stopped = code;
    this.giveUp(this.error());
  }
}

/** Throws BAD_USER_INPUT naming the first string in `value` that PostgreSQL could not store. */
function refuseUnstorableText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (!isStorableText(value)) throw invalid(path, 'unstorable_text');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseUnstorableText(item, `${path}.${i}`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) refuseUnstorableText(item, path ? `${path}.${key}` : key);
  }
}

/**
 * Wraps every field's resolver in `schema` (in place): arguments are checked for text that cannot
 * be stored, whatever schema the resolver validates them with (a backstop: nothing with a NUL or
 * a broken surrogate reaches PostgreSQL), and the request's `ExecutionGuard` runs the field.
 */
export function guardFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const hasArgs = field.args.length > 0;
      field.resolve = (source, args, context: { guard?: ExecutionGuard } | undefined, info) => {
        if (hasArgs) refuseUnstorableText(args, '');
        const guard = context?.guard;
        if (!guard) return resolve(source, args, context, info);
        return guard.run(() => resolve(source, args, context, info), info.path.key);
      };
    }
  }
  return schema;
}

/** Starts each operation's guard, and sends a stopped operation's answer as that one error. */
export function executionGuardPlugin(logger: () => Logger): ApolloServerPlugin<{ guard: ExecutionGuard }> {
  return {
    requestDidStart() {
      return Promise.resolve({
        executionDidStart({ contextValue, operation }) {
          contextValue.guard.start(operation?.operation);
          return Promise.resolve();
        },
        willSendResponse({ contextValue, response, operationName }) {
          const guard = contextValue.guard;
          guard.finish();
          if (guard.stopped) {
            const error = guard.error();
            logger().warn({ code: guard.stopped, operationName }, error.message);
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: error.message, extensions: { code: guard.stopped } }] },
            };
            response.http.status = guard.status();
          }
          return Promise.resolve();
        },
      });
    },
  };
}
