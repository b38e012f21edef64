import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { OutcomeForm } from './outcome-form';

const PROPOSAL_ID = '0c000000-0000-4000-8000-000000000001';
// Only what the form reads.
const proposal = { id: PROPOSAL_ID, open: true, outcome: '' } as ProposalFieldsFragment;

const refusal = (extensions: Record<string, unknown>) => ({ errors: [{ message: 'English not shown', extensions }] });

async function openForm(respond: Parameters<typeof stubGraphql>[0]) {
  const calls = stubGraphql(respond);
  const onSaved = vi.fn();
  renderInApp(<OutcomeForm proposal={proposal} onSaved={onSaved} />);
  await userEvent.click(screen.getByRole('button', { name: 'Close it and write the outcome' }));
  return { calls, onSaved };
}

const closings = (calls: [string, Record<string, unknown>][]) => calls.filter(([name]) => name === 'CloseProposal');

describe('OutcomeForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the outcome at its field before closing, and sends nothing', async () => {
    const { calls } = await openForm(() => ({ data: { me: null } }));
    await userEvent.type(screen.getByLabelText('Outcome'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Close and save the outcome' }));

    const outcome = screen.getByLabelText('Outcome');
    await waitFor(() => expect(outcome).toHaveAttribute('aria-invalid', 'true'));
    expect(outcome).toHaveAccessibleDescription(expect.stringContaining('This is required.'));
    await waitFor(() => expect(outcome).toHaveFocus());
    expect(closings(calls)).toEqual([]);
  });

  it("puts the server's issue at the field and a refusal above the form, then closes once saved", async () => {
    let answer = 0;
    const { calls, onSaved } = await openForm((name) => {
      if (name !== 'CloseProposal') return { data: { me: null } };
      answer += 1;
      if (answer === 1)
        return refusal({
          code: 'BAD_USER_INPUT',
          issues: [{ field: 'outcome', code: 'too_long', params: { max: 4000 }, message: 'too long' }],
        });
      if (answer === 2) return refusal({ code: 'FORBIDDEN' });
      return { data: { closeProposal: { __typename: 'Proposal', id: PROPOSAL_ID } } };
    });
    await userEvent.type(screen.getByLabelText('Outcome'), 'We test it at Riverside first.');
    const save = () => userEvent.click(screen.getByRole('button', { name: 'Close and save the outcome' }));

    await save();
    const outcome = screen.getByLabelText('Outcome');
    await waitFor(() => expect(outcome).toHaveAccessibleDescription(expect.stringContaining('Use at most 4000')));
    expect(outcome).toHaveAttribute('aria-invalid', 'true');

    await save();
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to do this.');
    expect(screen.queryByText(/English not shown/)).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();

    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(closings(calls).at(-1)?.[1]).toEqual({ proposalId: PROPOSAL_ID, outcome: 'We test it at Riverside first.' });
    expect(screen.queryByLabelText('Outcome')).not.toBeInTheDocument();
  });
});
