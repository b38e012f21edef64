import { useEffect } from 'react';
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
      <TakenOver />
    </BrowserRouter>
  );
}

/**
 * A page the server drew comes inert (server/src/web/web-app.ts): nothing in it can be pressed,
 * typed into or submitted before the app has taken it over, so no tap is lost on a button that does
 * nothing yet and no form is sent by the browser itself (a password in an address). Once the app
 * has, it is live.
 */
function TakenOver() {
  useEffect(() => document.getElementById('root')?.removeAttribute('inert'), []);
  return null;
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
