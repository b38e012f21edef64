import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type GraphqlResponse } from '../test-support/graphql-client';
import { TEST_PASSWORD, TestApp, type TestMember } from '../test-support/test-app';

// A Redis database of this file's own: the per-IP counter is keyed by address only, and other
// test files (and other checkouts) on this machine share Redis database 0 with 127.0.0.1.
const REDIS_URL = `${process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'}/11`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }`;
const MAX_FAILURES = 5;
const BURST = 30;

async function clearSignInCounters(url: string) {
  const redis = createClient({ url });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: 'signin-*', COUNT: 1000 }))
    if (keys.length) await redis.del(keys);
  await redis.quit();
}

const codesOf = (results: GraphqlResponse[]) => results.map((result) => errorOf(result).code ?? 'SIGNED_IN');
const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe.each([
  ['in one process (no Redis)', {}],
  ['with Redis', { REDIS_URL }],
])('sign-in attempts sent in parallel, %s', (_label, env: Record<string, string>) => {
  let app: TestApp;
  let networkId: string;
  let admin: TestMember;

  beforeAll(async () => {
    if (env.REDIS_URL) await clearSignInCounters(env.REDIS_URL);
    app = await TestApp.start({
      ...env,
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES),
      SIGNIN_MAX_PER_IP: '1000',
    });
    ({
      admin,
      network: { id: networkId },
    } = await app.newNetwork(1));
  });
  afterAll(async () => {
    await app?.stop();
  });

  const signIn = (email: string, password: string) => app.client().gql(SIGN_IN, { input: { email, password } });

  it(`checks at most SIGNIN_MAX_FAILURES_PER_ACCOUNT of ${BURST} parallel wrong guesses; the rest are refused unchecked`, async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);

    const codes = codesOf(
      await Promise.all(Array.from({ length: BURST }, () => signIn(member.email, 'wrong password'))),
    );

    // UNAUTHENTICATED is the answer of a checked password; TOO_MANY_REQUESTS of one refused before the check.
    console.log(`[sign-in burst] ${count(codes, 'UNAUTHENTICATED')} of ${BURST} parallel guesses were checked`);
    expect(count(codes, 'UNAUTHENTICATED')).toBeLessThanOrEqual(MAX_FAILURES);
    expect(count(codes, 'UNAUTHENTICATED') + count(codes, 'TOO_MANY_REQUESTS')).toBe(BURST);
    expect(errorOf(await signIn(member.email, TEST_PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('does not sign in with the right password sent last in a burst of wrong ones that uses up the limit', async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);

    const wrong = Array.from({ length: BURST - 1 }, () => signIn(member.email, 'wrong password'));
    // Sent a moment after the wrong ones, well before any of their password checks can finish.
    await new Promise((resolve) => setTimeout(resolve, 15));
    const right = signIn(member.email, TEST_PASSWORD);
    const codes = codesOf(await Promise.all([...wrong, right]));

    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    expect(count(codes, 'SIGNED_IN')).toBe(0);
    expect(count(codes, 'UNAUTHENTICATED')).toBeLessThanOrEqual(MAX_FAILURES);
    expect(await app.prisma.session.count({ where: { userId: member.userId } })).toBe(1); // the one from registration
  });
});
