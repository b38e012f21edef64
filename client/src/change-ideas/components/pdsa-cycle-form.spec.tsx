import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PdsaCycleFieldsFragment } from '../../gql/graphql';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { PdsaCycleForm } from './pdsa-cycle-form';

const SITE = '0d000000-0000-4000-8000-000000000001';
const MEASURE = '0d000000-0000-4000-8000-000000000002';
const IDEA = '0d000000-0000-4000-8000-000000000003';
const sites = [{ id: SITE, name: "Riverside Children's Hospital" }];
const measures = [{ id: MEASURE, name: 'Steroid-free remission' }];

const saved: PdsaCycleFieldsFragment = {
  id: '0d000000-0000-4000-8000-000000000004',
  number: 2,
  title: 'Thursday huddle',
  plan: 'Huddle every Thursday.',
  prediction: 'Growth plotted at 90% of visits.',
  doNotes: '',
  studyNotes: '',
  act: null,
  actNotes: '',
  stage: 'DO',
  startOn: '2026-03-02',
  endOn: null,
  version: 5,
  viewerCanEdit: true,
  updatedAt: '2026-03-02T10:00:00.000Z',
  site: sites[0],
  measures,
  createdBy: { userId: '0d000000-0000-4000-8000-000000000005', name: 'Aisha Rahman' },
};

describe('PdsaCycleForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('requires a prediction before a cycle starts, naming the field', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    renderInApp(<PdsaCycleForm ideaId={IDEA} sites={sites} measures={measures} onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Name of the cycle'), 'Monday clinic');
    await userEvent.type(screen.getByLabelText('Plan'), 'Huddle before the Monday clinic.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the cycle' }));
    expect(screen.getByLabelText('Prediction')).toHaveAccessibleDescription(/This is required\./);
    await waitFor(() => expect(screen.getByLabelText('Prediction')).toHaveFocus());
    expect(calls.map(([name]) => name)).not.toContain('CreatePdsaCycle');
  });

  it('asks for what was done and when the test ended before it is studied, and for the study before the act', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    renderInApp(<PdsaCycleForm ideaId={IDEA} sites={sites} measures={measures} cycle={saved} onDone={vi.fn()} />);
    await userEvent.selectOptions(screen.getByLabelText('Stage now'), 'STUDY');
    await userEvent.selectOptions(screen.getByLabelText('Decision'), 'ADOPT');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('What was done')).toHaveAccessibleDescription(
      /Say what was done before studying the results\./,
    );
    expect(screen.getByLabelText('End date')).toHaveAccessibleDescription(
      /Enter the end date before studying the results\./,
    );
    expect(screen.getByLabelText('What happened compared with the prediction')).toHaveAccessibleDescription(
      /Compare what happened with the prediction before deciding\./,
    );
    expect(screen.getByLabelText('Stage now')).toHaveAccessibleDescription(/Set the stage to Act once you decide\./);
    expect(calls.map(([name]) => name)).not.toContain('UpdatePdsaCycle');
  });

  it('refuses an end before the start', async () => {
    stubGraphql(() => ({ data: { me: null } }));
    renderInApp(<PdsaCycleForm ideaId={IDEA} sites={sites} measures={measures} cycle={saved} onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('End date'), '2026-02-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('End date')).toHaveAccessibleDescription(/The end must be on or after the start\./);
  });

  it('saves against the version seen, and offers to see the other version after a conflict', async () => {
    const calls = stubGraphql((name) =>
      name === 'UpdatePdsaCycle'
        ? {
            data: null,
            errors: [
              {
                message: 'Someone saved this cycle meanwhile (now version 6). Reload, then edit again.',
                extensions: { code: 'CONFLICT', currentVersion: 6, currentStage: 'STUDY' },
              },
            ],
          }
        : { data: { me: null } },
    );
    const onDone = vi.fn();
    const onConflict = vi.fn();
    renderInApp(
      <PdsaCycleForm
        ideaId={IDEA}
        sites={sites}
        measures={measures}
        cycle={saved}
        onDone={onDone}
        onConflict={onConflict}
      />,
    );
    await userEvent.type(screen.getByLabelText('What was done'), 'Ran on four Thursdays.');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone saved this cycle while you were editing');
    expect(onConflict).toHaveBeenCalledTimes(1);
    const [, variables] = calls.find(([name]) => name === 'UpdatePdsaCycle')!;
    expect(variables).toMatchObject({
      cycleId: saved.id,
      input: { expectedVersion: 5, stage: 'DO', doNotes: 'Ran on four Thursdays.', measureIds: [MEASURE] },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Leave the form and see their version' }));
    expect(onDone).toHaveBeenCalledWith(null);
  });
});
