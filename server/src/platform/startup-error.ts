/**
 * A reason the app cannot start that the person starting it can act on: its message says what to
 * do, and it is printed without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
