import { BrowserRouter } from 'react-router';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider, type GraphqlStart } from '../graphql/graphql-provider';
import { RealtimeProvider } from '../realtime/realtime-provider';
import { AppRoutes } from './app-routes';
import { RouteFocus } from './components/route-focus';

/** The whole app: routing, the GraphQL client, who is signed in, and the live connection. */
export function App({ graphql }: { graphql?: GraphqlStart }) {
  return (
    <BrowserRouter>
      <GraphqlProvider start={graphql}>
        <ViewerProvider>
          <RealtimeProvider>
            <RouteFocus />
            <AppRoutes />
          </RealtimeProvider>
        </ViewerProvider>
      </GraphqlProvider>
    </BrowserRouter>
  );
}
