import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from './local-date';

describe('localIsoDate', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it.each([
    ['Pacific/Auckland', '2026-03-31T20:00:00Z', '2026-04-01'],
    ['America/Los_Angeles', '2026-04-01T03:00:00Z', '2026-03-31'],
    ['Europe/Stockholm', '2026-03-31T22:30:00Z', '2026-04-01'],
    ['UTC', '2026-03-31T23:59:59Z', '2026-03-31'],
  ])("in %s, %s is the member's %s", (timeZone, instant, day) => {
    process.env.TZ = timeZone;
    expect(localIsoDate(new Date(instant))).toBe(day);
  });
});
