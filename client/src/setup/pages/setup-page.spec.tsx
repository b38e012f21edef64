import { fieldIssue } from '@commons/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { SetupPage } from './setup-page';

const TOKEN = 'k'.repeat(43);

function renderSetup(path = `/setup?token=${TOKEN}`) {
  return renderInApp(
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/n/:slug" element={<p>network home</p>} />
    </Routes>,
    path,
  );
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name of the network'), 'Northern Lights IBD');
  await user.type(screen.getByLabelText('Site 1'), 'Riverside');
  await user.click(screen.getByRole('button', { name: 'Add a site' }));
  await user.type(screen.getByLabelText('Site 2'), 'Lakeview');
  await user.type(screen.getByLabelText('Your name'), 'Maya Lindqvist');
  await user.type(screen.getByLabelText('Email address'), 'maya@example.org');
  await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
}

describe('SetupPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the code from the link with the network, its sites and its admin, then opens the network', async () => {
    const user = userEvent.setup();
    const calls = stubGraphql((operation) => {
      if (operation === 'SetupStatus') return { data: { setupStatus: { needed: true } } };
      if (operation === 'CompleteSetup') return { data: { completeSetup: { networkSlug: 'northern-lights-ibd' } } };
      return { data: { me: null } };
    });
    renderSetup();
    await screen.findByLabelText('Name of the network');
    expect(screen.queryByLabelText('Setup code')).not.toBeInTheDocument();
    await fillIn(user);
    expect(screen.getByLabelText('Web address')).toHaveValue('northern-lights-ibd');
    await user.click(screen.getByRole('button', { name: 'Create the network' }));

    expect(await screen.findByText('network home')).toBeInTheDocument();
    const [, variables] = calls.find(([name]) => name === 'CompleteSetup')!;
    expect(variables.input).toEqual({
      token: TOKEN,
      networkName: 'Northern Lights IBD',
      networkSlug: 'northern-lights-ibd',
      startMonth: expect.stringMatching(/^\d{4}-\d{2}$/),
      sites: ['Riverside', 'Lakeview'],
      adminName: 'Maya Lindqvist',
      adminEmail: 'maya@example.org',
      password: 'a long enough password',
    });
  });

  it('checks every field before sending, and points at the first to fix', async () => {
    const user = userEvent.setup();
    const calls = stubGraphql((operation) =>
      operation === 'SetupStatus' ? { data: { setupStatus: { needed: true } } } : { data: { me: null } },
    );
    renderSetup();
    await user.click(await screen.findByRole('button', { name: 'Create the network' }));

    const name = screen.getByLabelText('Name of the network');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Use at least 2 characters.');
    expect(screen.getByLabelText('Site 1')).toHaveAccessibleDescription('Name at least one site.');
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription('This is required.');
    expect(screen.getByLabelText('Choose a password')).toHaveAccessibleDescription(
      /At least 10 characters.*Use at least 10 characters\./,
    );
    await waitFor(() => expect(name).toHaveFocus());
    expect(calls.map(([operation]) => operation)).not.toContain('CompleteSetup');
  });

  it('shows a used setup link as a problem of the whole form, and a site problem at its row', async () => {
    const user = userEvent.setup();
    stubGraphql((operation) => {
      if (operation === 'SetupStatus') return { data: { setupStatus: { needed: true } } };
      if (operation === 'CompleteSetup') {
        return {
          data: null,
          errors: [
            {
              message: 'input.token is a setup code that was used already',
              extensions: {
                code: 'BAD_USER_INPUT',
                field: 'input.token',
                issues: [
                  fieldIssue('input.token', 'setup_code_used'),
                  fieldIssue('input.sites.1', 'too_long', { max: 120 }),
                ],
              },
            },
          ],
        };
      }
      return { data: { me: null } };
    });
    renderSetup();
    await screen.findByLabelText('Name of the network');
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create the network' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This setup link was used already.')).toBeInTheDocument();
    expect(screen.getByLabelText('Site 2')).toHaveAccessibleDescription('Use at most 120 characters.');
  });

  it('asks for the code when the link did not bring one', async () => {
    stubGraphql((operation) =>
      operation === 'SetupStatus' ? { data: { setupStatus: { needed: true } } } : { data: { me: null } },
    );
    renderSetup('/setup');
    expect(await screen.findByLabelText('Setup code')).toBeInTheDocument();
    expect(screen.getByText(/printed in its log when it started/)).toBeInTheDocument();
  });

  it('says when the Commons is set up already, also when that happens meanwhile', async () => {
    const user = userEvent.setup();
    let needed = true;
    stubGraphql((operation) => {
      if (operation === 'SetupStatus') return { data: { setupStatus: { needed } } };
      if (operation === 'CompleteSetup') {
        needed = false;
        return {
          data: null,
          errors: [
            { message: 'This Commons is set up already: sign in instead.', extensions: { code: 'ALREADY_SET_UP' } },
          ],
        };
      }
      return { data: { me: null } };
    });
    renderSetup();
    await screen.findByLabelText('Name of the network');
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create the network' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This Commons is set up' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('adds and removes site rows, keeping focus in the list', async () => {
    const user = userEvent.setup();
    stubGraphql((operation) =>
      operation === 'SetupStatus' ? { data: { setupStatus: { needed: true } } } : { data: { me: null } },
    );
    renderSetup();
    await user.type(await screen.findByLabelText('Site 1'), 'Riverside');
    await user.click(screen.getByRole('button', { name: 'Add a site' }));
    expect(screen.getByLabelText('Site 2')).toHaveFocus();
    await user.type(screen.getByLabelText('Site 2'), 'Lakeview');
    await user.click(screen.getByRole('button', { name: 'Remove site 1' }));
    expect(screen.getByLabelText('Site 1')).toHaveValue('Lakeview');
    expect(screen.getByLabelText('Site 1')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Remove site/ })).not.toBeInTheDocument();
  });
});
