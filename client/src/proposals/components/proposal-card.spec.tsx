import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { ProposalCard } from './proposal-card';

const GROUPS = ['PATIENTS_AND_FAMILIES', 'CLINICIANS', 'SITE_TEAMS', 'RESEARCHERS', 'NETWORK_STAFF'] as const;
const zero = (group: (typeof GROUPS)[number]) => ({ group, agree: 0, abstain: 0, disagree: 0, block: 0 });
const CONSENT: ProposalFieldsFragment = {
  id: 'p1',
  threadId: 't1',
  kind: 'CONSENT',
  question: 'Try the calm corner on Tuesdays?',
  details: 'Tuesdays have the most infusions.',
  createdAt: '2026-12-05T09:00:00Z',
  closesAt: '2026-12-08T09:00:00Z',
  closedAt: null,
  open: true,
  outcome: '',
  outcomeAt: null,
  dotsPerMember: null,
  revision: 1,
  voters: 1,
  hasUnresolvedBlock: false,
  viewerCanTakePosition: true,
  viewerCanClose: true,
  proposer: { userId: 'aisha', name: 'Aisha Rahman' },
  options: [],
  positionTally: GROUPS.map((g) => (g === 'PATIENTS_AND_FAMILIES' ? { ...zero(g), agree: 1 } : zero(g))),
  dotTally: [],
  positions: [
    {
      role: 'PATIENT_PARTNER',
      position: 'AGREE',
      reason: 'Suits families.',
      updatedAt: '2026-12-05T10:00:00Z',
      member: { userId: 'elin', name: 'Elin Sandberg' },
    },
  ],
  ballots: [],
  viewerPosition: null,
  viewerDots: [],
  notYetVoted: [{ userId: 'aisha', name: 'Aisha Rahman' }],
};

afterEach(() => vi.unstubAllGlobals());

describe('ProposalCard', () => {
  it('shows the tally by voice group as a table, each position with its reason, and the proposer who has not answered', () => {
    stubGraphql(() => ({ data: { me: null } }));
    renderInApp(<ProposalCard proposal={CONSENT} onChanged={() => undefined} />);
    const table = screen.getByRole('table', { name: 'Positions by group (1 person has answered)' });
    expect(within(table).getByRole('row', { name: /^Patients and families/ })).toHaveTextContent(
      'Patients and families1000',
    );
    expect(within(table).getAllByRole('row')).toHaveLength(GROUPS.length + 2);
    expect(screen.getByRole('list', { name: 'Who took which position' })).toHaveTextContent(
      'Elin Sandberg · Patient partner: AgreeSuits families.',
    );
    expect(screen.getByText('Not answered yet: Aisha Rahman.')).toBeInTheDocument();
  });

  it('asks why before sending a block, then sends the position with its reason', async () => {
    const calls = stubGraphql((name) =>
      name === 'TakePosition'
        ? { data: { takePosition: { ...CONSENT, __typename: 'Proposal' } } }
        : { data: { me: null } },
    );
    const onChanged = vi.fn();
    renderInApp(<ProposalCard proposal={CONSENT} onChanged={onChanged} />);
    const form = screen.getByRole('form', { name: 'Your position on “Try the calm corner on Tuesdays?”' });
    await userEvent.click(within(form).getByRole('radio', { name: 'Block' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Save my position' }));
    expect(within(form).getByLabelText('Why you block')).toHaveAccessibleDescription(/Say why you block\./);
    expect(calls.map(([name]) => name)).not.toContain('TakePosition');

    await userEvent.type(within(form).getByLabelText('Why you block'), 'Tuesday is the audit day.');
    await userEvent.click(within(form).getByRole('button', { name: 'Save my position' }));
    await screen.findByText('Your position is saved: Block.');
    expect(calls.find(([name]) => name === 'TakePosition')![1]).toEqual({
      proposalId: 'p1',
      input: { position: 'BLOCK', reason: 'Tuesday is the audit day.' },
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('a dot vote refuses more dots than she has, and sends her dots per option', async () => {
    const dots = {
      ...CONSENT,
      kind: 'DOT_VOTE',
      question: 'Which day first?',
      dotsPerMember: 2,
      positionTally: [],
      positions: [],
      options: [
        { id: 'o1', label: 'Tuesday' },
        { id: 'o2', label: 'Wednesday' },
      ],
      dotTally: [
        { optionId: 'o1', total: 0, byGroup: GROUPS.map((group) => ({ group, dots: 0 })) },
        { optionId: 'o2', total: 0, byGroup: GROUPS.map((group) => ({ group, dots: 0 })) },
      ],
    } as ProposalFieldsFragment;
    const calls = stubGraphql((name) =>
      name === 'CastDots' ? { data: { castDots: { ...dots, __typename: 'Proposal' } } } : { data: { me: null } },
    );
    renderInApp(<ProposalCard proposal={dots} onChanged={() => undefined} />);
    const form = screen.getByRole('form', { name: 'Your dots on “Which day first?”' });
    await userEvent.clear(within(form).getByLabelText('Tuesday'));
    await userEvent.type(within(form).getByLabelText('Tuesday'), '3');
    expect(within(form).getByText('3 of 2 dots used')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Save my dots' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('You have 2 dots: use no more than that.');
    expect(calls.map(([name]) => name)).not.toContain('CastDots');

    await userEvent.clear(within(form).getByLabelText('Tuesday'));
    await userEvent.type(within(form).getByLabelText('Tuesday'), '1');
    await userEvent.clear(within(form).getByLabelText('Wednesday'));
    await userEvent.type(within(form).getByLabelText('Wednesday'), '1');
    await userEvent.click(within(form).getByRole('button', { name: 'Save my dots' }));
    await waitFor(() => expect(calls.map(([name]) => name)).toContain('CastDots'));
    expect(calls.find(([name]) => name === 'CastDots')![1]).toEqual({
      proposalId: 'p1',
      votes: [
        { optionId: 'o1', dots: 1 },
        { optionId: 'o2', dots: 1 },
      ],
    });
  });
});
