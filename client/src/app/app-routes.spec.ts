import { describe, expect, it } from 'vitest';
import { chunksFor } from './app-routes';

const chunkNames = (pathname: string) => chunksFor(pathname).map((chunk) => chunk.chunk);

describe('the chunks fetched ahead for the page being opened', () => {
  it('names the public layout and the page for a public page', () => {
    expect(chunkNames('/invite/abc')).toEqual(['PublicLayout', 'InvitationPage']);
    expect(chunkNames('/reset-password/abc')).toEqual(['PublicLayout', 'ResetPasswordPage']);
  });

  it('names every layout on the way to a nested page, outermost first (the signed-in layout is in the entry)', () => {
    expect(chunkNames('/n/northstar')).toEqual(['HomePage']);
    expect(chunkNames('/n/northstar/measures/m1')).toEqual(['AimSection', 'MeasureChartPage']);
    expect(chunkNames('/n/northstar/commons/r1/edit')).toEqual(['EditResourcePage']);
  });

  it('fetches nothing for a page that is not there, and loads each chunk it names', async () => {
    expect(chunkNames('/n/northstar/no-such-page')).toEqual([]);
    const [layout, page] = chunksFor('/forgot-password');
    await expect(layout.preload()).resolves.toHaveProperty('PublicLayout');
    await expect(page.preload()).resolves.toHaveProperty('ForgotPasswordPage');
  });

  it('fetches nothing for sign-in, a page of its own outside the app', () => {
    expect(chunkNames('/sign-in')).toEqual([]);
  });
});
