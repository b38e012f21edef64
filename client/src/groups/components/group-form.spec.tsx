import { fieldIssue } from '@commons/shared';
import { CombinedError } from '@urql/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_GROUP, GroupForm } from './group-form';

const renderForm = (onSubmit: Parameters<typeof GroupForm>[0]['onSubmit']) =>
  render(<GroupForm initial={EMPTY_GROUP} submitLabel="Start the group" busyLabel="Starting…" onSubmit={onSubmit} />);

describe('GroupForm', () => {
  it('checks the name before sending and puts the problem next to it', async () => {
    const onSubmit = vi.fn(() => Promise.resolve(null));
    renderForm(onSubmit);
    await userEvent.type(screen.getByLabelText('Name'), 'ab');
    await userEvent.click(screen.getByRole('button', { name: 'Start the group' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/Use at least 3 characters\./);
  });

  it('sends the trimmed values with the visibility chosen', async () => {
    const onSubmit = vi.fn(() => Promise.resolve(null));
    renderForm(onSubmit);
    await userEvent.type(screen.getByLabelText('Name'), '  Parents of teens  ');
    await userEvent.type(screen.getByLabelText('What is the group for?'), ' Swap what works. ');
    await userEvent.click(screen.getByLabelText('Invite-only'));
    await userEvent.click(screen.getByRole('button', { name: 'Start the group' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Parents of teens',
      purpose: 'Swap what works.',
      visibility: 'INVITE_ONLY',
    });
  });

  it('shows the problems the server names next to their fields', async () => {
    const refused = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Please check what you entered.', {
          extensions: { code: 'BAD_USER_INPUT', issues: [fieldIssue('input.purpose', 'too_long', { max: 2000 })] },
        }),
      ],
    });
    renderForm(() => Promise.resolve(refused));
    await userEvent.type(screen.getByLabelText('Name'), 'Parents of teens');
    await userEvent.click(screen.getByRole('button', { name: 'Start the group' }));
    const purpose = await screen.findByLabelText('What is the group for?');
    expect(purpose).toHaveAttribute('aria-invalid', 'true');
    expect(purpose).toHaveAccessibleDescription(/Use at most 2000 characters\./);
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });
});
