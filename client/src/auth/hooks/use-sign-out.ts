import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { useRealtime } from '../../realtime/realtime-provider';

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Ends this session, forgets everything cached about the member, and shows the sign-in page. */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const realtime = useRealtime();
  const [{ fetching }, run] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    // Closed first, so the server's "session ended" for this very sign-out is not taken for one from elsewhere.
    realtime?.close();
    await run({});
    // Even when the server could not be reached, this device forgets the member.
    resetClient();
    void navigate('/sign-in', { replace: true });
  }, [realtime, run, resetClient, navigate]);
  return { signOut, signingOut: fetching };
}
