import type { PageToDraw } from '@commons/shared/web/start-data';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { AppInside } from './app/app';
import { loadPage } from './app/app-routes';
import { cleanHtmlOnServerWith } from './commons/safe-html';
import { startGraphql } from './graphql/graphql-provider';
import { startAnswersOf } from './graphql/start-data';
import { formatForBrowser } from './i18n/format';
import i18n, { addLocale } from './i18n/i18n';
import en from './i18n/locales/en.json';
import sv from './i18n/locales/sv.json';

// The server (server/src/web/page-drawing.ts) draws a signed-in member's page with the answers it
// puts into the page, so the page's content is on her screen before any script has run; the app
// then takes the page over as it is (main.tsx). Every text of every language is here already.
addLocale('en', en);
addLocale('sv', sv);

/** A never-answered request: what the answers do not hold, the page draws as it does while it waits. */
const neverAnswered: typeof fetch = () => new Promise<Response>(() => undefined);

/**
 * The HTML of the app at `url`, as the browser would draw it first with the same answers: what
 * they do not answer is drawn waiting. Its pages' chunks are loaded first, then it is drawn in one
 * synchronous pass, so the language and formats set for it reach no other page.
 */
export async function drawPage(page: PageToDraw): Promise<string> {
  await loadPage(new URL(page.url, 'http://commons.invalid').pathname);
  const graphql = startGraphql(startAnswersOf(page.answers), neverAnswered);
  const language = i18n.language;
  void i18n.changeLanguage(page.locale);
  formatForBrowser({ languages: page.languages, timeZone: page.timeZone });
  cleanHtmlOnServerWith(page.cleanHtml);
  try {
    return renderToString(
      <StrictMode>
        <StaticRouter location={page.url}>
          <AppInside graphql={graphql} />
        </StaticRouter>
      </StrictMode>,
    );
  } finally {
    cleanHtmlOnServerWith(null);
    formatForBrowser(null);
    void i18n.changeLanguage(language);
  }
}
