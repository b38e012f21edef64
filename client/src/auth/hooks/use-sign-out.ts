import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Ends this session, forgets everything cached about the member, and shows the sign-in page. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const [{ fetching }, run] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    await run({});
    // Even when the server could not be reached, this device forgets the member.
    resetClient();
    navigate('/sign-in', { replace: true });
  }, [run, resetClient, navigate]);
  return { signOut, signingOut: fetching };
}
