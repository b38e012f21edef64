import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { SignInPage } from './sign-in-page';

function renderSignIn() {
  return renderInApp(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/n/:slug/members" element={<p>members page</p>} />
    </Routes>,
    '/sign-in?next=%2Fn%2Fnorthstar-ibd%2Fmembers',
  );
}

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the form before sending it and points at the fields to fix', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    renderSignIn();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email address');
    // The form's rules load on demand (their own chunk), so the check answers a moment later.
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('This is required.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('This is required.');
    await waitFor(() => expect(email).toHaveFocus());
    expect(calls.map(([name]) => name)).not.toContain('SignIn');
  });

  it('shows the server error next to the field it names', async () => {
    stubGraphql((operation) =>
      operation === 'SignIn'
        ? {
            data: null,
            errors: [
              {
                message: 'The email or password is not right.',
                extensions: { code: 'UNAUTHENTICATED', reason: 'wrong_credentials', field: 'input.password' },
              },
            ],
          }
        : { data: { me: null } },
    );
    renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const password = await screen.findByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription('The email address or password is not right.');
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid');
  });

  it('goes where the member was heading after signing in', async () => {
    const calls = stubGraphql((operation) => {
      if (operation === 'SignIn') return { data: { signIn: { __typename: 'Profile', id: 'u1' } } };
      return { data: { me: null } };
    });
    renderSignIn();
    await userEvent.type(screen.getByLabelText('Email address'), 'elin@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'demo-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('members page')).toBeInTheDocument();
    expect(calls.find(([name]) => name === 'SignIn')?.[1]).toEqual({
      input: { email: 'elin@example.org', password: 'demo-password' },
    });
  });
});
