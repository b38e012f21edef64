import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextAreaField, TextField } from './field';

function Title({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <TextField label="Title" value={value} onChange={(event) => setValue(event.target.value)} limit={160} />;
}

function Summary() {
  const [value, setValue] = useState('');
  return <TextAreaField label="Summary" value={value} onChange={(event) => setValue(event.target.value)} limit={600} />;
}

describe('a length-limited field', () => {
  it('shows its limit and a live count, tied to the control', async () => {
    render(<Title />);
    const input = screen.getByLabelText('Title');

    expect(screen.getByText('0 / 160 characters')).toBeInTheDocument();
    await userEvent.type(input, 'Hand-off 🌱');

    expect(screen.getByText('11 / 160 characters')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(expect.stringContaining('11 / 160 characters'));
    expect(input).not.toHaveAttribute('maxlength');
  });

  it('refuses a paste past the limit with a message, keeping the text as it was', async () => {
    render(<Title initial="Transition clinic" />);
    const input = screen.getByLabelText('Title');
    await userEvent.click(input);

    await userEvent.paste('x'.repeat(5_000_000));

    expect(input).toHaveValue('Transition clinic');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Not added: that would make 5,000,017 characters, and the limit is 160.',
    );
    expect(screen.getByText('17 / 160 characters')).toBeInTheDocument();
  });

  it('takes text up to the limit exactly, refuses one more character, and clears the message when she goes on', async () => {
    render(<Summary />);
    const area = screen.getByLabelText('Summary');
    await userEvent.click(area);
    await userEvent.paste('a'.repeat(600));

    expect(area).toHaveValue('a'.repeat(600));
    expect(screen.getByRole('status', { hidden: true })).not.toBeVisible();

    await userEvent.type(area, 'b');
    expect(area).toHaveValue('a'.repeat(600));
    expect(screen.getByRole('status')).toHaveTextContent('that would make 601 characters');

    await userEvent.type(area, '{Backspace}');
    expect(area).toHaveValue('a'.repeat(599));
    expect(screen.getByRole('status', { hidden: true })).not.toBeVisible();
  });
});
