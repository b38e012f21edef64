import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadStartingLocale } from './i18n/i18n';
import './styles/global.css';

// The texts of one language come first (a small JSON file), so no page ever shows a bare key.
void loadStartingLocale()
  .catch(() => undefined)
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
