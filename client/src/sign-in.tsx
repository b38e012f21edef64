import { safeNextPath } from '@commons/shared/validation/safe-next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Brand, SiteFooter, SiteHeader, SkipLink } from './app/components/page-frame';
import { SignInPage } from './auth/pages/sign-in-page';
import { signInStart } from './auth/sign-in-start';
import { rememberTimeZone } from './i18n/browser-settings';
import { loadStartingLocale } from './i18n/i18n';
import { takeSessionEndedReason } from './realtime/session-ended';
import './styles/global.css';

// The sign-in page is an entry of its own (sign-in.html), so the first page a newcomer opens loads
// React, the texts and this form, and not the app's router, GraphQL client or pages. Whatever it
// opens (the app once signed in, setup, a password reset) opens with a page load.
const open = (path: string) => window.location.replace(path);

// The Commons server sends a member already signed in on to where she was heading, and a Commons
// without a network to setup, before this page loads (server/src/web/web-app.ts), so the form draws
// without asking first. The development server serves the page as a file: there, the page asks.
if (import.meta.env.DEV) {
  void signInStart(window.location.search).then((start) => {
    if ('open' in start) open(start.open);
  });
}

rememberTimeZone();
void loadStartingLocale()
  .catch(() => undefined)
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <div className="app">
          <SkipLink />
          <SiteHeader
            home={
              <a href="/" className="brand">
                <Brand />
              </a>
            }
          />
          <main id="main" tabIndex={-1} className="page-shell">
            <SignInPage
              next={safeNextPath(new URLSearchParams(window.location.search).get('next'))}
              sessionEnded={takeSessionEndedReason()}
              open={open}
            />
          </main>
          <SiteFooter />
        </div>
      </StrictMode>,
    );
  });
