import { describe, expect, it } from 'vitest';
import { TYPING_IDLE_MS, TYPING_REPEAT_MS, TypingNotifier } from './typing';

/** A clock and timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    timers: {
      now: () => now,
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        timers.set(id, { at: now + ms, run });
        return id;
      },
      clearTimeout: (id: unknown) => {
        timers.delete(id as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now && timers.has(id)) {
          timers.delete(id);
          timer.run();
        }
      }
    },
  };
}

describe('TypingNotifier', () => {
  it('says "typing" on the first key, then at most once per repeat interval while keys keep coming', () => {
    const clock = manualTimers();
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((typing) => sent.push(typing), clock.timers);
    notifier.input();
    for (let i = 0; i < 20; i++) {
      clock.advance(100);
      notifier.input();
    }
    // 2 s of typing: one event.
    expect(sent).toEqual([true]);
    clock.advance(TYPING_REPEAT_MS - 2000);
    notifier.input();
    expect(sent).toEqual([true, true]);
  });

  it('says "stopped" once when she sends or leaves the box, and nothing when she was not typing', () => {
    const clock = manualTimers();
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((typing) => sent.push(typing), clock.timers);
    notifier.stop();
    expect(sent).toEqual([]);
    notifier.input();
    notifier.stop();
    notifier.stop();
    expect(sent).toEqual([true, false]);
    // Typing again after sending says so at once.
    notifier.input();
    expect(sent).toEqual([true, false, true]);
  });

  it('says "stopped" after a pause without keys, and not again when she then sends', () => {
    const clock = manualTimers();
    const sent: boolean[] = [];
    const notifier = new TypingNotifier((typing) => sent.push(typing), clock.timers);
    notifier.input();
    clock.advance(TYPING_IDLE_MS - 1);
    expect(sent).toEqual([true]);
    clock.advance(1);
    expect(sent).toEqual([true, false]);
    notifier.stop();
    expect(sent).toEqual([true, false]);
  });
});
