import { fieldIssue } from '@commons/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { IdeaForm } from './idea-form';

const PRIMARY = '0c000000-0000-4000-8000-000000000001';
const SECONDARY = '0c000000-0000-4000-8000-000000000002';
const drivers = [
  { id: PRIMARY, title: 'Reliable, proactive care at every visit', parentTitle: null },
  { id: SECONDARY, title: 'Pre-visit planning huddles', parentTitle: 'Reliable, proactive care at every visit' },
];

function renderForm() {
  const onDone = vi.fn();
  renderInApp(<IdeaForm networkId="n1" drivers={drivers} onDone={onDone} />);
  return { onDone };
}

describe('IdeaForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks a proposal with the shared rules and names each field to fix, sending nothing', async () => {
    const calls = stubGraphql(() => ({ data: { me: null } }));
    renderForm();
    await userEvent.type(screen.getByLabelText('Title'), 'Hi');
    await userEvent.click(screen.getByRole('button', { name: 'Propose the idea' }));
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(/Use at least 3 characters\./);
    expect(screen.getByLabelText('The problem it addresses')).toHaveAccessibleDescription(/This is required\./);
    expect(screen.getByLabelText('The idea')).toHaveAccessibleDescription(/This is required\./);
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveFocus());
    expect(calls.map(([name]) => name)).not.toContain('ProposeChangeIdea');
  });

  it('lists secondary drivers under their primary, saying so to screen readers', () => {
    stubGraphql(() => ({ data: { me: null } }));
    renderForm();
    expect(
      screen.getByRole('checkbox', {
        name: 'Pre-visit planning huddles (under Reliable, proactive care at every visit)',
      }),
    ).toBeInTheDocument();
  });

  it('proposes the idea with the drivers chosen, and puts a server problem on the field it names', async () => {
    const calls = stubGraphql((name) =>
      name === 'ProposeChangeIdea'
        ? {
            data: null,
            errors: [
              {
                message: 'Invalid input',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  issues: [fieldIssue('input.driverIds.0', 'not_in_network', { kind: 'driver' })],
                },
              },
            ],
          }
        : { data: { me: null } },
    );
    const { onDone } = renderForm();
    await userEvent.type(screen.getByLabelText('Title'), 'Text a photo of the meal plan');
    await userEvent.type(screen.getByLabelText('The problem it addresses'), 'Families forget the plan.');
    await userEvent.type(screen.getByLabelText('The idea'), 'Send it by text **before** clinic.');
    await userEvent.click(screen.getByRole('checkbox', { name: /Pre-visit planning huddles/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Propose the idea' }));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: /Pre-visit planning huddles/ })).toHaveAccessibleDescription(
        /This is not part of the network\./,
      ),
    );
    const [, variables] = calls.find(([name]) => name === 'ProposeChangeIdea')!;
    expect(variables).toEqual({
      networkId: 'n1',
      input: {
        title: 'Text a photo of the meal plan',
        problem: 'Families forget the plan.',
        idea: 'Send it by text **before** clinic.',
        driverIds: [SECONDARY],
        nextDecisionOn: null,
      },
    });
    expect(onDone).not.toHaveBeenCalled();
  });
});
