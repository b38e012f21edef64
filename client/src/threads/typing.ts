/** How often a member's client says she is still typing (the server passes one per 2 s at most). */
export const TYPING_REPEAT_MS = 3000;
/** Without a key press for this long, she has stopped typing. */
export const TYPING_IDLE_MS = 5000;
/** Others stop showing her as typing when no word came for this long (a lost "stopped"). */
export const TYPING_SHOWN_MS = 7000;

interface Timers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Turns key presses into few "typing" events: `true` on the first press and again at most every
 * TYPING_REPEAT_MS while she goes on, `false` once when she sends, leaves the box or pauses for
 * TYPING_IDLE_MS.
 */
export class TypingNotifier {
  private typing = false;
  private lastSent = 0;
  private idleTimer: unknown = null;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** A key press in the message box. */
  input(): void {
    const now = this.timers.now();
    if (!this.typing || now - this.lastSent >= TYPING_REPEAT_MS) {
      this.typing = true;
      this.lastSent = now;
      this.emit(true);
    }
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = this.timers.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** She sent, left the box or paused: say so once. */
  stop(): void {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }
}
