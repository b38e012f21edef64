import { BrowserRouter } from 'react-router';
import { ViewerProvider } from '../auth/viewer';
import { GraphqlProvider } from '../graphql/graphql-provider';
import { AppRoutes } from './app-routes';
import { RouteFocus } from './components/route-focus';
import '../home/cards';

/** The whole app: routing, the GraphQL client, and who is signed in. */
export function App() {
  return (
    <BrowserRouter>
      <GraphqlProvider>
        <ViewerProvider>
          <RouteFocus />
          <AppRoutes />
        </ViewerProvider>
      </GraphqlProvider>
    </BrowserRouter>
  );
}
