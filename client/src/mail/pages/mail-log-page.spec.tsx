import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInNetwork, testViewer } from '../../test-support/network-scope';
import { MailLogPage } from './mail-log-page';

const admin = testViewer('NETWORK_ADMIN', { id: 'u1', name: 'Ada Admin', email: 'ada@example.test' });
const SETTINGS = { transport: 'SMTP', reportDueDay: 10, reportReminderDays: 3, requireTwoFactorForLeads: false };

describe('the mail settings form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("puts the server's issue at its field and focuses it, then says the settings are saved", async () => {
    let attempts = 0;
    const calls = renderInNetwork(<MailLogPage />, {
      page: 'mail',
      viewer: admin,
      answer: (operation, variables) => {
        if (operation === 'MailSettings') return { data: { mailSettings: SETTINGS, memberMailSummary: [] } };
        if (operation === 'EmailLog') return { data: { emailLog: { totalCount: 0, nodes: [] } } };
        attempts += 1;
        if (attempts === 1)
          return {
            errors: [
              {
                message: 'English not shown',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  issues: [
                    {
                      field: 'reportReminderDays',
                      code: 'out_of_range',
                      params: { min: 0, max: 9 },
                      message: 'English not shown',
                    },
                  ],
                },
              },
            ],
          };
        return { data: { setMailSettings: { ...SETTINGS, ...(variables.input as object) } } };
      },
    });
    const reminder = await screen.findByLabelText('Remind reporting teams this many days before');
    await userEvent.clear(reminder);
    await userEvent.type(reminder, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(reminder).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(reminder).toHaveFocus());
    expect(reminder).toHaveAccessibleDescription(expect.stringContaining('Enter a number from 0 to 9.'));
    expect(screen.queryByText(/English not shown/)).not.toBeInTheDocument();

    await userEvent.clear(reminder);
    await userEvent.type(reminder, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(reminder).not.toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter(([name]) => name === 'SetMailSettings').at(-1)?.[1]).toEqual({
      networkId: 'n1',
      input: { reportDueDay: 10, reportReminderDays: 5, requireTwoFactorForLeads: false },
    });
  });
});
