import { changePasswordSchema } from '@commons/shared';
import { CombinedError } from '@urql/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FormErrors } from '../graphql/errors';
import { FormAlert } from './feedback';
import { TextField } from './field';
import { aboveForm, useForm } from './use-form';

const FIELDS = ['currentPassword', 'newPassword'] as const;

type Sent = { error?: CombinedError; data?: { done: true } };

/** A small form on the hook: two fields bound with `form.field`, the shared schema, and `send` standing in for the operation. */
function PasswordForm({ send, onSent }: { send: () => Promise<Sent>; onSent: (result: Sent, action: string) => void }) {
  const form = useForm(FIELDS);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  async function submit(action: string) {
    const input = { currentPassword, newPassword };
    const result = await form.submit({ check: () => form.validate(changePasswordSchema, input), send });
    if (result) onSent(result, action);
  }

  return (
    <form
      {...form.formProps((event) =>
        submit(((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? ''),
      )}
      aria-label="Password"
    >
      <FormAlert messages={form.errors.form} />
      <TextField label="Current password" {...form.field('currentPassword', currentPassword, setCurrentPassword)} />
      <TextField label="New password" {...form.field('newPassword', newPassword, setNewPassword)} />
      <button type="submit" value="save">
        Save
      </button>
      <button type="submit" value="other">
        Other
      </button>
    </form>
  );
}

const refusal = (extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [{ message: 'English the client never shows', extensions }] });

describe('the form hook', () => {
  it('checks with the shared schema before sending: each problem at its field, in words, and focus on the first', async () => {
    const send = vi.fn(() => Promise.resolve<Sent>({ data: { done: true } }));
    render(<PasswordForm send={send} onSent={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Current password'), 'old one');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const current = screen.getByLabelText('Current password');
    const fresh = screen.getByLabelText('New password');
    expect(current).not.toHaveAttribute('aria-invalid');
    expect(fresh).toHaveAttribute('aria-invalid', 'true');
    expect(fresh).toHaveAccessibleDescription(expect.stringMatching(/\d/));
    await waitFor(() => expect(fresh).toHaveFocus());
    expect(send).not.toHaveBeenCalled();
  });

  it("puts the server's field issues at their fields, translated from codes, and other problems above the form", async () => {
    const send = vi.fn(() =>
      Promise.resolve<Sent>({
        error: refusal({
          code: 'BAD_USER_INPUT',
          issues: [
            { field: 'input.currentPassword', code: 'required', message: 'is required' },
            { field: 'input.somethingElse', code: 'too_long', params: { max: 9 }, message: 'too long' },
          ],
        }),
      }),
    );
    const onSent = vi.fn();
    render(<PasswordForm send={send} onSent={onSent} />);
    await userEvent.type(screen.getByLabelText('Current password'), 'old one');
    await userEvent.type(screen.getByLabelText('New password'), 'a long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription('This is required.');
    expect(screen.getByRole('alert')).toHaveTextContent('Use at most 9 characters.');
    expect(screen.queryByText(/English the client never shows/)).not.toBeInTheDocument();
    await waitFor(() => expect(current).toHaveFocus());
    expect(onSent).not.toHaveBeenCalled();
  });

  it('clears the errors once sent, and tells the handler which button sent the form', async () => {
    const send = vi
      .fn<() => Promise<Sent>>()
      .mockResolvedValueOnce({ error: refusal({ code: 'FORBIDDEN' }) })
      .mockResolvedValueOnce({ data: { done: true } });
    const onSent = vi.fn();
    render(<PasswordForm send={send} onSent={onSent} />);
    await userEvent.type(screen.getByLabelText('Current password'), 'old one');
    await userEvent.type(screen.getByLabelText('New password'), 'a long enough password');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).not.toBeEmptyDOMElement();

    await userEvent.click(screen.getByRole('button', { name: 'Other' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith({ data: { done: true } }, 'other'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('aboveForm', () => {
  it("says a hidden field's problem above the form, first, and no longer at the field", () => {
    const errors = { fields: { token: 'Link used.', newPassword: 'Too short.' }, form: ['Something else.'] };
    expect(aboveForm(errors, 'token')).toEqual({
      fields: { token: undefined, newPassword: 'Too short.' },
      form: ['Link used.', 'Something else.'],
    });
  });

  it('leaves errors without a problem at that field as they are', () => {
    const errors: FormErrors<'newPassword' | 'token'> = { fields: { newPassword: 'Too short.' }, form: [] };
    expect(aboveForm(errors, 'token')).toBe(errors);
  });
});
