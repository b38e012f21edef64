import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StartAnswer } from '@commons/shared';
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunStartQuery, startData } from './start-data';

const DOCUMENTS = {
  Viewer: 'query Viewer { me { id } }',
  NetworkScope: 'query NetworkScope($slug: String!) { network(slug: $slug) { id } }',
  UnreadNotificationCount:
    'query UnreadNotificationCount($networkId: ID!) { unreadNotificationCount(networkId: $networkId) }',
  UnreadThreadsCount:
    'query UnreadThreadsCount($networkId: ID!) { unreadThreads(networkId: $networkId) { totalUnread } }',
};

/** The query names of the answers `startData` gave. */
const namesIn = (answers: StartAnswer[] | null) => (answers ?? []).map((answer) => answer.query);

describe('the answers put into a page (startData)', () => {
  let webDir: string;

  beforeAll(async () => {
    webDir = await mkdtemp(path.join(tmpdir(), 'commons-start-data-'));
    await mkdir(path.join(webDir, '.vite'));
    await writeFile(path.join(webDir, '.vite', 'query-documents.json'), JSON.stringify(DOCUMENTS));
  });
  afterAll(() => rm(webDir, { recursive: true, force: true }));

  it('goes, at the deadline, with the answers that came in by then, and asks nothing more after it', async () => {
    const asked: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const run: RunStartQuery = async (_req, _res, query) => {
      const name = /query (\w+)/.exec(query)![1];
      asked.push(name);
      if (name === 'NetworkScope') return { network: { id: 'n1' } };
      if (name === 'UnreadThreadsCount') await held;
      return { [name]: true };
    };
    let passDeadline!: () => void;
    const deadline = new Promise<void>((resolve) => (passDeadline = resolve));
    const answers = startData(webDir, run)({} as Request, {} as Response, '/n/ibd', deadline);

    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['Viewer', 'NetworkScope', 'UnreadNotificationCount', 'UnreadThreadsCount']);
    passDeadline();
    expect(namesIn(await answers)).toEqual(['Viewer', 'NetworkScope', 'UnreadNotificationCount']);
    release();
  });
});
