import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubGraphql } from '../test-support/render-app';
import { signInStart } from './sign-in-start';

describe('what the sign-in page does on arrival', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the form to a visitor, keeping where she was heading', async () => {
    const calls = stubGraphql(() => ({ data: { me: null, setupStatus: { needed: false } } }));
    await expect(signInStart('?next=%2Fn%2Fibd%2Fgroups')).resolves.toEqual({ show: { next: '/n/ibd/groups' } });
    expect(calls.map(([name]) => name)).toEqual(['SignInStart']);
  });

  it('opens where a member already signed in was heading, and never another site', async () => {
    stubGraphql(() => ({ data: { me: { id: 'u1' }, setupStatus: { needed: false } } }));
    await expect(signInStart('?next=%2Fn%2Fibd%2Fgroups')).resolves.toEqual({ open: '/n/ibd/groups' });
    await expect(signInStart('?next=https%3A%2F%2Fevil.example')).resolves.toEqual({ open: '/' });
  });

  it('offers setup while no network exists', async () => {
    stubGraphql(() => ({ data: { me: null, setupStatus: { needed: true } } }));
    await expect(signInStart('')).resolves.toEqual({ open: '/setup' });
  });

  it('shows the form when the server cannot be asked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(signInStart('')).resolves.toEqual({ show: { next: '/' } });
  });
});
