import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n, { addLocale } from '../i18n/i18n';
import en from '../i18n/locales/en.json';
import sv from '../i18n/locales/sv.json';

// The app fetches a language's texts when it needs them; tests have both at hand.
addLocale('en', en);
addLocale('sv', sv);
await i18n.changeLanguage(i18n.language);

// findBy… and waitFor give up after 1 s by default: too short when a real socket.io server and other
// suites share two cores. A wait still ends as soon as its condition holds.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
