import { allowedTransitions } from '@commons/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { DecisionForm, type DecisionFormIdea } from './decision-form';

const IDEA_ID = '0b000000-0000-4000-8000-000000000001';
// Ids are uuids, as the shared schemas check them.
const ID = {
  oskar: '0a000000-0000-4000-8000-000000000001',
  elin: '0a000000-0000-4000-8000-000000000002',
  aisha: '0a000000-0000-4000-8000-000000000003',
  grace: '0a000000-0000-4000-8000-000000000004',
  lena: '0a000000-0000-4000-8000-000000000005',
  maya: '0a000000-0000-4000-8000-000000000006',
};

const member = (userId: string, name: string, role: string, site: string | null) => ({
  id: `m-${userId}`,
  userId,
  name,
  role,
  site: site && { id: `s-${site}`, name: site },
});

const stewards = {
  data: {
    siteLeads: {
      nodes: [
        member(ID.oskar, 'Oskar Nyberg', 'SITE_LEAD', 'Riverside'),
        member(ID.lena, 'Lena Berg', 'SITE_LEAD', 'Lakeview'),
      ],
    },
    admins: { nodes: [member(ID.maya, 'Maya Lindqvist', 'NETWORK_ADMIN', null)] },
  },
};

const idea = (status: DecisionFormIdea['status'] = 'PROPOSED', version = 3): DecisionFormIdea => ({
  id: IDEA_ID,
  status,
  version,
  coDesigners: [
    { status: 'ACTIVE', role: 'PATIENT_PARTNER', member: { userId: ID.elin, name: 'Elin Sandberg' } },
    { status: 'ACTIVE', role: 'CLINICIAN', member: { userId: ID.aisha, name: 'Aisha Rahman' } },
    { status: 'INVITED', role: 'FAMILY_MEMBER', member: { userId: ID.grace, name: 'Grace O’Connell' } },
  ],
  nextStatuses: allowedTransitions(status),
  movesNeedingPatientVoiceReason: [],
  proposals: [],
});

const siteLead = { userId: ID.oskar, name: 'Oskar Nyberg', role: 'SITE_LEAD' as const, coDesigner: false };

function renderForm(props: Partial<Parameters<typeof DecisionForm>[0]> = {}) {
  const onDone = vi.fn();
  const onConflict = vi.fn();
  renderInApp(
    <DecisionForm idea={idea()} networkId="n1" viewer={siteLead} onDone={onDone} onConflict={onConflict} {...props} />,
  );
  return { onDone, onConflict };
}

async function fillText() {
  await userEvent.type(screen.getByLabelText('What was decided'), 'Co-design it with the family panel.');
  await userEvent.type(screen.getByLabelText('Why'), 'Two families offered to help.');
}

const participants = () => screen.getByRole('group', { name: 'Who takes part' });
const check = () => within(participants()).getByRole('status');

describe('DecisionForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers only the moves the lifecycle allows from where the idea is', () => {
    stubGraphql((name) => (name === 'DecisionStewards' ? stewards : { data: { me: null } }));
    renderForm({ idea: idea('TESTING') });
    const moves = within(screen.getByRole('group', { name: 'Where should the idea go?' })).getAllByRole('radio');
    expect(moves.map((radio) => radio.getAttribute('value'))).toEqual(['ADOPTED', 'ADAPTED', 'ABANDONED', 'CO_DESIGN']);
  });

  it('picks participants from the co-designers and the site leads and admins, the recording member always in', async () => {
    stubGraphql((name) => (name === 'DecisionStewards' ? stewards : { data: { me: null } }));
    renderForm();
    await screen.findByLabelText(/Lena Berg/);
    const boxes = within(participants()).getAllByRole('checkbox');
    expect(boxes.map((box) => box.closest('li')?.textContent)).toEqual([
      'Oskar Nyberg (you, recording it) · Site lead · Riverside',
      'Elin Sandberg · Patient partner · co-designing',
      'Aisha Rahman · Clinician · co-designing',
      'Lena Berg · Site lead · Lakeview',
      'Maya Lindqvist · Network admin',
    ]);
    expect(boxes[0]).toBeChecked();
    expect(boxes[0]).toBeDisabled();
  });

  it('explains beforehand why a choice of participants is not enough, and when it is', async () => {
    stubGraphql((name) => (name === 'DecisionStewards' ? stewards : { data: { me: null } }));
    renderForm();
    await screen.findByLabelText(/Maya Lindqvist/);
    expect(check()).toHaveTextContent(
      'Not enough yet: add the person who proposed the idea or one of its co-designers.',
    );
    await userEvent.click(screen.getByLabelText(/Maya Lindqvist/));
    expect(check()).toHaveTextContent(
      'Not enough yet: add the person who proposed the idea or one of its co-designers.',
    );
    await userEvent.click(screen.getByLabelText(/Elin Sandberg/));
    expect(check()).toHaveTextContent(
      'Enough people to decide: Elin Sandberg (Patient partner, co-designing) together with Oskar Nyberg (Site lead).',
    );
  });

  it('tells an admin who proposed the idea that she cannot decide alone', async () => {
    stubGraphql((name) => (name === 'DecisionStewards' ? stewards : { data: { me: null } }));
    const admin = { userId: ID.maya, name: 'Maya Lindqvist', role: 'NETWORK_ADMIN' as const, coDesigner: true };
    renderForm({
      viewer: admin,
      idea: {
        ...idea(),
        coDesigners: [{ status: 'ACTIVE', role: 'NETWORK_ADMIN', member: { userId: ID.maya, name: 'Maya Lindqvist' } }],
      },
    });
    await screen.findByLabelText(/Lena Berg/);
    expect(check()).toHaveTextContent('Not enough yet: one person cannot decide alone.');
  });

  it('sends nothing while the choice is not enough, and names every field to fix', async () => {
    const calls = stubGraphql((name) => (name === 'DecisionStewards' ? stewards : { data: { me: null } }));
    renderForm();
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    expect(screen.getByLabelText('What was decided')).toHaveAccessibleDescription(/This is required\./);
    expect(screen.getByLabelText('Co-design it')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Elin Sandberg/)).toHaveAccessibleDescription(
      /Not enough yet: add the person who proposed the idea/,
    );
    await waitFor(() => expect(screen.getByLabelText('Co-design it')).toHaveFocus());
    expect(calls.map(([name]) => name)).not.toContain('ProposeDecision');
  });

  it('proposes the decision with everyone who takes part, the recorder included', async () => {
    const calls = stubGraphql((name) => {
      if (name === 'DecisionStewards') return stewards;
      if (name === 'ProposeDecision')
        return {
          data: {
            proposeDecision: {
              __typename: 'ChangeIdeaDecision',
              id: 'd1',
              ideaId: IDEA_ID,
              status: 'PENDING',
              toStatus: 'CO_DESIGN',
            },
          },
        };
      return { data: { me: null } };
    });
    const { onDone } = renderForm();
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByLabelText('Co-design it'));
    await fillText();
    await userEvent.click(screen.getByLabelText(/Elin Sandberg/));
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('CO_DESIGN'));
    const [, variables] = calls.find(([name]) => name === 'ProposeDecision')!;
    expect(variables).toEqual({
      ideaId: IDEA_ID,
      input: {
        expectedVersion: 3,
        toStatus: 'CO_DESIGN',
        decision: 'Co-design it with the family panel.',
        rationale: 'Two families offered to help.',
        participantIds: [ID.oskar, ID.elin],
        nextDecisionOn: null,
        patientVoiceReason: '',
        proposalId: null,
      },
    });
  });

  it('shows a stale version as a conflict with the status the idea has now, and asks the page to reload', async () => {
    stubGraphql((name) => {
      if (name === 'DecisionStewards') return stewards;
      if (name === 'ProposeDecision') {
        return {
          data: null,
          errors: [
            {
              message: 'Someone changed this idea meanwhile (now version 4, TESTING). Reload, then try again.',
              extensions: { code: 'CONFLICT', currentVersion: 4, currentStatus: 'TESTING' },
            },
          ],
        };
      }
      return { data: { me: null } };
    });
    const { onDone, onConflict } = renderForm({ idea: idea('CO_DESIGN') });
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByLabelText('Test it at sites'));
    await fillText();
    await userEvent.click(screen.getByLabelText(/Aisha Rahman/));
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The idea changed while you were writing');
    expect(alert).toHaveTextContent('It is now: Being tested. Nothing was recorded; what you wrote is still here.');
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText('What was decided')).toHaveValue('Co-design it with the family panel.');
  });

  it("puts the server's together-rule refusal on the participants", async () => {
    stubGraphql((name) => {
      if (name === 'DecisionStewards') return stewards;
      if (name === 'ProposeDecision') {
        return {
          data: null,
          errors: [
            {
              message: 'This decision cannot be taken.',
              extensions: { code: 'FORBIDDEN', field: 'input.participantIds', reason: 'NO_STEWARD' },
            },
          ],
        };
      }
      return { data: { me: null } };
    });
    renderForm({
      viewer: { userId: ID.aisha, name: 'Aisha Rahman', role: 'CLINICIAN', coDesigner: true },
      idea: idea('PROPOSED'),
    });
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByLabelText('Abandon it'));
    await fillText();
    await userEvent.click(screen.getByLabelText(/Oskar Nyberg/));
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Elin Sandberg/)).toHaveAccessibleDescription(
        /Not enough yet: add a site lead or a network admin\./,
      ),
    );
  });

  it('asks why a move goes ahead without a patient or family voice, only for the moves that need it, and sends the reason', async () => {
    const calls = stubGraphql((name) => {
      if (name === 'DecisionStewards') return stewards;
      if (name === 'ProposeDecision')
        return {
          data: {
            proposeDecision: {
              __typename: 'ChangeIdeaDecision',
              id: 'd1',
              ideaId: IDEA_ID,
              status: 'PENDING',
              toStatus: 'TESTING',
            },
          },
        };
      return { data: { me: null } };
    });
    const { onDone } = renderForm({ idea: { ...idea('CO_DESIGN'), movesNeedingPatientVoiceReason: ['TESTING'] } });
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByLabelText('Abandon it'));
    expect(screen.queryByLabelText('Why go ahead without a patient or family voice?')).toBeNull();
    await userEvent.click(screen.getByLabelText('Test it at sites'));
    await fillText();
    await userEvent.click(screen.getByLabelText(/Elin Sandberg/));
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    const reason = screen.getByLabelText('Why go ahead without a patient or family voice?');
    expect(reason).toHaveAccessibleDescription(/Say why the idea moves without a patient or family voice\./);
    expect(calls.map(([name]) => name)).not.toContain('ProposeDecision');
    await userEvent.type(reason, 'The family panel meets next month.');
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('TESTING'));
    expect(
      (calls.find(([name]) => name === 'ProposeDecision')![1].input as { patientVoiceReason: string })
        .patientVoiceReason,
    ).toBe('The family panel meets next month.');
  });

  it('puts a blocked proposal on the basis field, and tells of a decision already waiting', async () => {
    let answer: unknown = {
      data: null,
      errors: [{ message: 'blocked', extensions: { code: 'PROPOSAL_BLOCKED', field: 'input.proposalId' } }],
    };
    stubGraphql((name) => {
      if (name === 'DecisionStewards') return stewards;
      if (name === 'ProposeDecision') return answer;
      return { data: { me: null } };
    });
    const proposals = [
      {
        id: '0c000000-0000-4000-8000-000000000001',
        question: 'Adopt it everywhere?',
        open: false,
        hasUnresolvedBlock: true,
      },
    ];
    const { onConflict } = renderForm({ idea: { ...idea('TESTING'), proposals } });
    await screen.findByLabelText(/Maya Lindqvist/);
    await userEvent.click(screen.getByLabelText('Adopt it'));
    await fillText();
    await userEvent.click(screen.getByLabelText(/Elin Sandberg/));
    await userEvent.selectOptions(
      screen.getByLabelText('It rests on a proposal (optional)'),
      'Adopt it everywhere? (a block stands)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    await waitFor(() =>
      expect(screen.getByLabelText('It rests on a proposal (optional)')).toHaveAccessibleDescription(
        /has a block that stands/,
      ),
    );

    answer = { data: null, errors: [{ message: 'pending', extensions: { code: 'DECISION_PENDING' } }] };
    await userEvent.click(screen.getByRole('button', { name: 'Propose the decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Another decision on this idea is waiting for confirmations.',
    );
    expect(onConflict).toHaveBeenCalled();
  });
});
