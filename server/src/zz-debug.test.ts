import { it } from 'vitest';
import { TestApp } from './test-support/test-app';
it('debug', async () => {
  const app = await TestApp.start({ LOG_LEVEL: 'info' });
  const q = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  const r = await app.client().gql(q);
  console.log(r.status, JSON.stringify(r.errors));
  await app.stop();
});
