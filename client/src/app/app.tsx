import { BrowserRouter } from 'react-router';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider, type GraphqlStart } from '../graphql/graphql-provider';
import { RealtimeProvider } from '../realtime/realtime-provider';
import { AppRoutes } from './app-routes';
import { RouteFocus } from './components/route-focus';

/** The whole app in the browser: routing by its address, and everything `AppInside` holds. */
export function App({ graphql }: { graphql?: GraphqlStart }) {
  return (
    <BrowserRouter>
      <AppInside graphql={graphql} />
    </BrowserRouter>
  );
}

/**
 * The app inside a router: the GraphQL client, who is signed in, the live connection and the
 * pages. The server draws it inside a router of its own (entry-server.tsx).
 */
export function AppInside({ graphql }: { graphql?: GraphqlStart }) {
  return (
    <GraphqlProvider start={graphql}>
      <ViewerProvider>
        <RealtimeProvider>
          <RouteFocus />
          <AppRoutes />
        </RealtimeProvider>
      </ViewerProvider>
    </GraphqlProvider>
  );
}
