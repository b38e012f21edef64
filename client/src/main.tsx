import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPage } from './app/app-routes';
import { prefetchViewer, ViewerDocument } from './auth/viewer';
import { startGraphql } from './graphql/graphql-provider';
import { startData } from './graphql/start-data';
import { regionalLocale } from './i18n/format';
import i18n, { loadStartingLocale } from './i18n/i18n';
import { prepareFormatting } from './i18n/intl-cache';
import { NetworkScopeDocument, prefetchNetworkScope } from './networks/network-context';
import './styles/global.css';

// Who is signed in, the network the address names, the texts of one language (a small JSON file,
// waited for, so no page ever shows a bare key) and the chunks of the page being opened are all
// asked for at once, side by side. The server usually put the first two into the page already.
// Meanwhile the browser loads its date formatting data (intl-cache.ts).
const graphql = startGraphql(startData({ Viewer: ViewerDocument, NetworkScope: NetworkScopeDocument }));
prefetchViewer(graphql.client);
prefetchNetworkScope(graphql.client, window.location.pathname);
preloadPage(window.location.pathname);
prepareFormatting(regionalLocale(i18n.language));
void loadStartingLocale()
  .catch(() => undefined)
  .then(() => {
    const root = createRoot(document.getElementById('root')!);
    startTransition(() =>
      root.render(
        <StrictMode>
          <App graphql={graphql} />
        </StrictMode>,
      ),
    );
  });
