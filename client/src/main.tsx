import { StrictMode, startTransition } from 'react';
import { DRAWN_BY_SERVER_ATTRIBUTE } from '@commons/shared/web/start-data';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadPage, preloadPage } from './app/app-routes';
import { nextTask } from './app/next-task';
import { prefetchViewer } from './auth/viewer';
import { startGraphql } from './graphql/graphql-provider';
import { startAnswers } from './graphql/start-data';
import { rememberTimeZone } from './i18n/browser-settings';
import { regionalLocale } from './i18n/format';
import i18n, { loadStartingLocale } from './i18n/i18n';
import { prepareFormatting } from './i18n/intl-cache';
import { prefetchNetworkScope } from './networks/network-context';
import './styles/global.css';

// Start-up runs as a few short tasks rather than one long one: evaluating the scripts is one; the
// GraphQL client and its first answers the next; finding the page's chunks another; then the date
// formatting data (intl-cache.ts); the first render is a transition, drawn in slices. On a slow
// phone no step then keeps a tap or a key waiting long, and the texts of one language (a small
// JSON file, waited for, so no page ever shows a bare key) are on their way from the first.
// Who is signed in and the network the address names are usually in the page already.
const startingLocale = loadStartingLocale().catch(() => undefined);

async function start(): Promise<void> {
  await nextTask();
  const graphql = startGraphql(startAnswers());
  prefetchViewer(graphql.client);
  prefetchNetworkScope(graphql.client, window.location.pathname);
  await nextTask();
  preloadPage(window.location.pathname);
  prepareFormatting(regionalLocale(i18n.language));
  rememberTimeZone();
  await startingLocale;
  const container = document.getElementById('root')!;
  const app = (
    <StrictMode>
      <App graphql={graphql} />
    </StrictMode>
  );
  if (container.hasAttribute(DRAWN_BY_SERVER_ATTRIBUTE)) {
    // The server drew the page with the answers the app has now (server/src/web/page-drawing.ts):
    // once its chunks are in, the app takes it over as it stands instead of drawing it again.
    // As a transition, like the first render below: taken over in slices, not one long task.
    await loadPage(window.location.pathname);
    startTransition(() => void hydrateRoot(container, app));
    return;
  }
  const root = createRoot(container);
  startTransition(() => root.render(app));
}

void start();
