import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPage } from './app/app-routes';
import { prefetchViewer } from './auth/viewer';
import { startGraphql } from './graphql/graphql-provider';
import { loadStartingLocale } from './i18n/i18n';
import './styles/global.css';

// Who is signed in and the texts of one language (a small JSON file, waited for, so no page ever
// shows a bare key) are asked for together; then the page's chunks, side by side, as it renders.
const graphql = startGraphql();
prefetchViewer(graphql.client);
void loadStartingLocale()
  .catch(() => undefined)
  .then(() => {
    preloadPage(window.location.pathname);
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App graphql={graphql} />
      </StrictMode>,
    );
  });
