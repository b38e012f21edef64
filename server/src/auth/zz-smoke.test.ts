import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../test-support/test-app';

describe('smoke', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app?.stop(); });
  it('works', async () => {
    const t0 = Date.now();
    const { network, sites, admin } = await app.newNetwork(2);
    console.log('net', Date.now() - t0);
    const m = await app.newMember(admin, network.id, 'CLINICIAN', sites[0].id);
    console.log('member', Date.now() - t0);
    const r = await m.client.gql(`{ me { id name memberships { role site { name memberCount } network { slug } } } }`);
    console.log(JSON.stringify(r.data), JSON.stringify(r.errors));
    expect(r.data.me.id).toBe(m.userId);
  });
});
