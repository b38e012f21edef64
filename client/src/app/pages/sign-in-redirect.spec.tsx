import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SignInRedirect } from './sign-in-redirect';

describe('SignInRedirect', () => {
  it('offers a plain link, instead of loading itself again, when the server answered /sign-in with the app', () => {
    render(
      <MemoryRouter initialEntries={['/sign-in?next=%2Fn%2Fibd']}>
        <Routes>
          <Route path="/sign-in" element={<SignInRedirect />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in?next=%2Fn%2Fibd');
  });
});
