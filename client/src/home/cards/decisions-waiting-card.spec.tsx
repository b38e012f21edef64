import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { DecisionsWaitingCard } from './decisions-waiting-card';

const person = (userId: string, name: string) => ({ __typename: 'ChangeIdeaPerson', userId, name });
const participant = (userId: string, name: string, role: string, answer: string) => ({
  __typename: 'DecisionParticipant',
  role,
  coDesigner: role !== 'SITE_LEAD',
  answer,
  answeredAt: answer === 'CONFIRMED' ? '2026-12-05T09:00:00Z' : null,
  comment: '',
  member: person(userId, name),
});
const DECISION = {
  __typename: 'ChangeIdeaDecision',
  id: 'd1',
  ideaId: 'i1',
  status: 'PENDING',
  fromStatus: 'CO_DESIGN',
  toStatus: 'TESTING',
  decision: 'Test the calm corner at Riverside.',
  rationale: 'Families chose it.',
  patientVoiceReason: '',
  proposedAt: '2026-12-05T09:00:00Z',
  expiresAt: '2026-12-19T09:00:00Z',
  decidedAt: null,
  closedAt: null,
  decidedBy: person('aisha', 'Aisha Rahman'),
  proposal: null,
  participants: [
    participant('aisha', 'Aisha Rahman', 'CLINICIAN', 'CONFIRMED'),
    participant('elin', 'Elin Sandberg', 'PATIENT_PARTNER', 'WAITING'),
    participant('oskar', 'Oskar Nyberg', 'SITE_LEAD', 'WAITING'),
  ],
  idea: { __typename: 'ChangeIdea', id: 'i1', title: 'A calm corner', status: 'CO_DESIGN' },
};
const props = {
  viewer: { id: 'elin', name: 'Elin Sandberg' } as never,
  network: { id: 'n1', slug: 'northstar', name: 'NorthStar', sites: [] } as never,
  actor: { userId: 'elin', role: 'PATIENT_PARTNER' as const, siteId: null, active: true },
};

function renderCard(answer: (operation: string, variables: Record<string, unknown>) => unknown) {
  const calls = stubGraphql((operation, variables) =>
    operation === 'Viewer' ? { data: { me: null } } : answer(operation, variables),
  );
  renderInApp(<DecisionsWaitingCard {...props} />);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('DecisionsWaitingCard', () => {
  it('lists a decision waiting for her: the move, what is decided, who confirmed and who else is asked, and until when', async () => {
    renderCard(() => ({ data: { decisionsAwaitingMe: [DECISION] } }));
    const item = await screen.findByRole('article', { name: 'A calm corner' });
    expect(within(item).getByRole('link', { name: 'A calm corner' })).toHaveAttribute(
      'href',
      '/n/northstar/ideas/i1#pending-decision',
    );
    expect(item).toHaveTextContent('Aisha Rahman proposes: from “Being co-designed” to “Being tested”.');
    expect(item).toHaveTextContent('Test the calm corner at Riverside.');
    expect(item).toHaveTextContent('Confirmed so far: Aisha Rahman. Also waiting for: Oskar Nyberg.');
    expect(within(item).getByText(/Waits until/)).toBeInTheDocument();
  });

  it('confirms with her comment, says so, and shows what still waits', async () => {
    let answered = false;
    const calls = renderCard((operation) => {
      if (operation === 'DecisionsAwaitingMe') return { data: { decisionsAwaitingMe: answered ? [] : [DECISION] } };
      if (operation === 'ConfirmDecision') {
        answered = true;
        return { data: { confirmDecision: { ...DECISION, idea: undefined } } };
      }
      return { data: null };
    });
    const item = await screen.findByRole('article', { name: 'A calm corner' });
    await userEvent.type(within(item).getByLabelText('Your comment or reason (optional)'), 'Yes, with a blanket.');
    await userEvent.click(within(item).getByRole('button', { name: 'Confirm' }));
    await screen.findByText(
      'You confirmed the decision on “A calm corner”. It takes effect once a co-designer and a site lead or network admin have confirmed.',
    );
    expect(calls.find(([name]) => name === 'ConfirmDecision')![1]).toEqual({
      decisionId: 'd1',
      comment: 'Yes, with a blanket.',
    });
    await waitFor(() => expect(screen.getByText('No decision is waiting for you.')).toBeInTheDocument());
  });

  it('declines with her reason', async () => {
    const calls = renderCard((operation) => {
      if (operation === 'DecisionsAwaitingMe') return { data: { decisionsAwaitingMe: [DECISION] } };
      if (operation === 'DeclineDecision')
        return { data: { declineDecision: { ...DECISION, status: 'DECLINED', idea: undefined } } };
      return { data: null };
    });
    const item = await screen.findByRole('article', { name: 'A calm corner' });
    await userEvent.type(within(item).getByLabelText('Your comment or reason (optional)'), 'Not before the audit.');
    await userEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    await screen.findByText('You declined the decision on “A calm corner”. It has ended.');
    expect(calls.find(([name]) => name === 'DeclineDecision')![1]).toEqual({
      decisionId: 'd1',
      reason: 'Not before the audit.',
    });
  });

  it('says when the decision no longer waits (someone declined meanwhile)', async () => {
    renderCard((operation) => {
      if (operation === 'DecisionsAwaitingMe') return { data: { decisionsAwaitingMe: [DECISION] } };
      return {
        data: null,
        errors: [{ message: 'closed', extensions: { code: 'DECISION_CLOSED', status: 'DECLINED' } }],
      };
    });
    const item = await screen.findByRole('article', { name: 'A calm corner' });
    await userEvent.click(within(item).getByRole('button', { name: 'Confirm' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('This decision no longer waits for answers');
  });
});
