import { useQuery } from 'urql';
import { graphql } from '../../gql';

const SetupStatusDocument = graphql(`
  query SetupStatus {
    setupStatus {
      needed
    }
  }
`);

/** Whether this Commons has no network yet; `needed` is null until the server answered. */
export function useSetupStatus() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SetupStatusDocument });
  return {
    needed: data ? (data.setupStatus?.needed ?? false) : null,
    fetching,
    error,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
