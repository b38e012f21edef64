import { screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInApp, stubGraphql } from '../test-support/render-app';
import { chunksFor, loadPage } from './app-routes';

describe('a page whose chunks are in (loadPage)', () => {
  it('draws at once instead of suspending for a turn, as when the app takes over a page the server drew', async () => {
    stubGraphql(() => ({ data: { me: null } }));
    await loadPage('/forgot-password');
    const [, ForgotPasswordPage] = chunksFor('/forgot-password');

    renderInApp(
      <Suspense fallback={<p>waiting</p>}>
        <ForgotPasswordPage />
      </Suspense>,
      '/forgot-password',
    );

    // Drawn in the same pass: no fallback, not even for a moment.
    expect(screen.queryByText('waiting')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
  });
});
