import { graphql } from '../gql';
import { request } from '../graphql/request';
import { safeNextPath } from '@commons/shared/validation/safe-next';

const SignInStartDocument = graphql(`
  query SignInStart {
    me {
      id
    }
    setupStatus {
      needed
    }
  }
`);

/** What the sign-in page does on arrival: show the form, or open another page instead. */
export type SignInStart = { open: string } | { show: { next: string } };

/**
 * Asks whether anyone is signed in and whether a network exists yet. A member already signed in
 * goes on to `next`; a Commons without a network has nobody to sign in, so it offers setup. When
 * the server cannot be asked, the form shows (sending it will say what is wrong).
 */
export async function signInStart(search: string): Promise<SignInStart> {
  const next = safeNextPath(new URLSearchParams(search).get('next'));
  const { data } = await request(SignInStartDocument);
  if (data?.me) return { open: next };
  if (data?.setupStatus?.needed) return { open: '/setup' };
  return { show: { next } };
}
