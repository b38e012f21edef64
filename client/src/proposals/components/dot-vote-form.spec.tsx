import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { DotVoteForm } from './dot-vote-form';

const PROPOSAL_ID = '0c000000-0000-4000-8000-000000000002';
const OPTION = { a: '0d000000-0000-4000-8000-000000000001', b: '0d000000-0000-4000-8000-000000000002' };
// Only what the form reads.
const proposal = {
  id: PROPOSAL_ID,
  question: 'Which change first?',
  dotsPerMember: 2,
  viewerDots: [],
  options: [
    { id: OPTION.a, label: 'Transition clinic' },
    { id: OPTION.b, label: 'Text reminders' },
  ],
} as unknown as ProposalFieldsFragment;

function renderForm(respond: Parameters<typeof stubGraphql>[0]) {
  const calls = stubGraphql(respond);
  const onSaved = vi.fn();
  const onClosed = vi.fn();
  renderInApp(<DotVoteForm proposal={proposal} onSaved={onSaved} onClosed={onClosed} />);
  return { calls, onSaved, onClosed, casts: () => calls.filter(([name]) => name === 'CastDots') };
}

async function setDots(label: string, dots: number) {
  const box = screen.getByLabelText(label);
  await userEvent.clear(box);
  await userEvent.type(box, String(dots));
}

const save = () => userEvent.click(screen.getByRole('button', { name: 'Save my dots' }));

describe('DotVoteForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says so above the form when more dots are used than she has, and sends nothing', async () => {
    const { casts, onSaved } = renderForm(() => ({ data: { me: null } }));
    await setDots('Transition clinic', 2);
    await setDots('Text reminders', 1);
    await save();

    expect(await screen.findByRole('alert')).toHaveTextContent('You have 2 dots: use no more than that.');
    expect(casts()).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('tells of a proposal closed meanwhile, in words of its own, and sends the dots once it may', async () => {
    let answer = 0;
    const { casts, onSaved, onClosed } = renderForm((name) => {
      if (name !== 'CastDots') return { data: { me: null } };
      answer += 1;
      return answer === 1
        ? { errors: [{ message: 'English not shown', extensions: { code: 'PROPOSAL_CLOSED' } }] }
        : { data: { castDots: { __typename: 'Proposal', id: PROPOSAL_ID } } };
    });
    await setDots('Transition clinic', 2);

    await save();
    expect(await screen.findByRole('alert')).toHaveTextContent('This proposal has closed');
    expect(onClosed).toHaveBeenCalledOnce();
    expect(onSaved).not.toHaveBeenCalled();

    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect(casts().at(-1)?.[1]).toEqual({ proposalId: PROPOSAL_ID, votes: [{ optionId: OPTION.a, dots: 2 }] });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
