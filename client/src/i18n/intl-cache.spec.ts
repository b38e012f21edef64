import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat, prepareFormatting } from './intl-cache';

describe('Intl formatters made once per locale and options', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives back the same formatter for the same locale and options, a new one otherwise', () => {
    const medium = dateTimeFormat('en-GB', { dateStyle: 'medium' });
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium' })).toBe(medium);
    expect(dateTimeFormat('en-GB', { dateStyle: 'long' })).not.toBe(medium);
    expect(dateTimeFormat('sv', { dateStyle: 'medium' })).not.toBe(medium);
  });

  it('without workers (jsdom has none), makes the medium date formatter in a task of its own after start-up', () => {
    vi.useFakeTimers();
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    prepareFormatting('de-AT');
    expect(made).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(made).toHaveBeenCalledTimes(1);
    expect(dateTimeFormat('de-AT', { dateStyle: 'medium' }).format(Date.UTC(2026, 10, 26))).toMatch(/2026/);
    expect(made).toHaveBeenCalledTimes(1);
  });
});
