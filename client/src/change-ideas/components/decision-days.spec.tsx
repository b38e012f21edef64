import { DECISION_CONFIRMATION_DAYS_RANGE } from '@commons/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInNetwork, testViewer } from '../../test-support/network-scope';
import { DecisionDays } from './decision-days';

const admin = testViewer('NETWORK_ADMIN', { id: 'u1', name: 'Ada Admin', email: 'ada@example.test' });
const { max } = DECISION_CONFIRMATION_DAYS_RANGE;

describe('DecisionDays', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a number out of range at its field without sending, then saves and says so', async () => {
    let days = 7;
    const calls = renderInNetwork(<DecisionDays />, {
      page: 'ideas',
      viewer: admin,
      answer: (operation, variables) => {
        if (operation === 'SetDecisionDays') days = variables.days as number;
        return { data: { network: { id: 'n1', decisionConfirmationDays: days } } };
      },
    });
    const sets = () => calls.filter(([name]) => name === 'SetDecisionDays');
    await userEvent.click(await screen.findByRole('button', { name: 'Change how long decisions wait' }));
    const field = screen.getByLabelText('Days a decision waits for confirmations');
    await userEvent.clear(field);
    await userEvent.type(field, String(max + 1));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number of days from'));
    await waitFor(() => expect(field).toHaveFocus());
    expect(sets()).toEqual([]);

    await userEvent.clear(field);
    await userEvent.type(field, '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Decisions now wait 10 days for confirmations.')).toBeInTheDocument();
    expect(sets().map(([, variables]) => variables)).toEqual([{ networkId: 'n1', days: 10 }]);
    expect(screen.queryByLabelText('Days a decision waits for confirmations')).not.toBeInTheDocument();
  });
});
