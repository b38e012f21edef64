import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubGraphql } from '../../test-support/render-app';
import { SignInPage } from './sign-in-page';

const NEXT = '/n/northstar-ibd/members';

function renderSignIn(sessionEnded: 'revoked' | null = null) {
  const open = vi.fn();
  render(<SignInPage next={NEXT} sessionEnded={sessionEnded} open={open} />);
  return open;
}

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the form before sending it and points at the fields to fix', async () => {
    const calls = stubGraphql(() => ({ data: null }));
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email address');
    // The form's rules load on demand (their own chunk), so the check answers a moment later.
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('This is required.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This is required.');
    await waitFor(() => expect(email).toHaveFocus());
    expect(calls).toEqual([]);
  });

  it('shows the server error next to the field it names, and can be sent again', async () => {
    stubGraphql(() => ({
      data: null,
      errors: [
        {
          message: 'The email or password is not right.',
          extensions: { code: 'UNAUTHENTICATED', reason: 'wrong_credentials', field: 'input.password' },
        },
      ],
    }));
    const open = renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const password = await screen.findByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('The email address or password is not right.');
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(open).not.toHaveBeenCalled();
  });

  it('says the server cannot be reached when the request fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Commons could not be reached.');
  });

  it('opens where the member was heading after signing in, sending the CSRF header', async () => {
    const calls = stubGraphql((operation) =>
      operation === 'SignIn' ? { data: { signIn: { __typename: 'Profile', id: 'u1' } } } : { data: null },
    );
    const open = renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(open).toHaveBeenCalledWith(NEXT));
    expect(calls).toEqual([['SignIn', { input: { email: 'elin@example.org', password: 'demo-password' } }]]);
    const [url, init] = vi.mocked(fetch).mock.calls[0];
    expect(url).toBe('/graphql');
    expect(new Headers(init?.headers).get('x-commons-csrf')).toBe('1');
  });

  it('asks for the second factor when the account has it, then opens the page', async () => {
    const calls = stubGraphql((operation) =>
      operation === 'SignIn'
        ? {
            data: null,
            errors: [{ message: 'Two-factor', extensions: { code: 'TWO_FACTOR_REQUIRED', challenge: 'ch-1' } }],
          }
        : { data: { completeTwoFactorSignIn: { __typename: 'Profile', id: 'u1' } } },
    );
    const open = renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Enter your code' });
    await userEvent.type(screen.getByRole('textbox'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith(NEXT));
    expect(calls[1]).toEqual(['CompleteTwoFactorSignIn', { input: { challenge: 'ch-1', code: '123456' } }]);
  });

  it('says why the member was signed out, when the app said so', () => {
    renderSignIn('revoked');
    expect(screen.getByRole('status')).toHaveTextContent('This session was ended from another device');
  });
});
