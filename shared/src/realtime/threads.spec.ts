import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../validation/issues';
import { THREAD_CLIENT_EVENTS, THREAD_EVENT_SCHEMAS, THREAD_LIMITS } from './threads';

const THREAD = '11111111-1111-4111-8111-111111111111';
const problems = (event: keyof typeof THREAD_EVENT_SCHEMAS, payload: unknown) => {
  const result = THREAD_EVENT_SCHEMAS[event].safeParse(payload);
  return result.success ? [] : fieldIssues(result.error).map((issue) => issue.field);
};

describe('thread event payloads', () => {
  it('accepts a well-formed message and normalises seqs to strings', () => {
    expect(
      problems(THREAD_CLIENT_EVENTS.send, { threadId: THREAD, clientId: 'client-0001', body: 'Hello **all**' }),
    ).toEqual([]);
    expect(THREAD_EVENT_SCHEMAS['thread:join'].parse({ threadId: THREAD, lastSeenSeq: 42 }).lastSeenSeq).toBe('42');
    expect(THREAD_EVENT_SCHEMAS['thread:read'].parse({ threadId: THREAD, seq: '9223372036854775807' }).seq).toBe(
      '9223372036854775807',
    );
  });

  it.each([
    ['message:send', { threadId: 'nope', clientId: 'client-0001', body: 'x' }, ['threadId']],
    ['message:send', { threadId: THREAD, clientId: 'short', body: 'x' }, ['clientId']],
    ['message:send', { threadId: THREAD, clientId: 'client-0001', body: '   ' }, ['body']],
    [
      'message:send',
      { threadId: THREAD, clientId: 'client-0001', body: 'x'.repeat(THREAD_LIMITS.bodyMax + 1) },
      ['body'],
    ],
    ['message:send', { threadId: THREAD, clientId: 'client-0001', body: 'x', parentId: 'p' }, ['parentId']],
    ['message:send', 'just a string', ['']],
    ['thread:join', { threadId: THREAD, lastSeenSeq: '-1' }, ['lastSeenSeq']],
    ['thread:join', { threadId: THREAD, lastSeenSeq: '99999999999999999999' }, ['lastSeenSeq']],
    ['thread:join', { threadId: THREAD, limit: 5000 }, ['limit']],
    ['thread:read', { threadId: THREAD, seq: 1.5 }, ['seq']],
    ['reaction:toggle', { messageId: THREAD, emoji: '💩' }, ['emoji']],
    ['typing', { threadId: THREAD, typing: 'yes' }, ['typing']],
  ] as const)('%s %j is refused naming %j', (event, payload, fields) => {
    expect(problems(event, payload)).toEqual(fields);
  });
});
