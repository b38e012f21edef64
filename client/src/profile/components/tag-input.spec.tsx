import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TagInput } from './tag-input';

function Harness({ initial = [] as string[], max = 20 }) {
  const [values, setValues] = useState(initial);
  return (
    <form>
      <TagInput label="Interests" values={values} onChange={setValues} max={max} />
      <span data-testid="values">{values.join('|')}</span>
    </form>
  );
}

const values = () => screen.getByTestId('values').textContent;

describe('TagInput', () => {
  it('adds an interest on Enter the way the server stores it, once', async () => {
    render(<Harness initial={['nutrition']} />);
    const input = screen.getByRole('combobox', { name: 'Interests' });
    await userEvent.type(input, '  Sleep Hygiene {Enter}');
    await userEvent.type(input, 'nutrition{Enter}');
    expect(values()).toBe('nutrition|sleep hygiene');
    expect(input).toHaveValue('');
  });

  it('removes an interest with its own button and keeps focus in the field', async () => {
    render(<Harness initial={['nutrition', 'sport']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove nutrition' }));
    expect(values()).toBe('sport');
    expect(screen.getByRole('combobox', { name: 'Interests' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('nutrition removed.');
  });

  it('explains an interest it cannot take', async () => {
    render(<Harness initial={['a1', 'b2']} max={2} />);
    const input = screen.getByRole('combobox', { name: 'Interests' });
    await userEvent.type(input, 'x{Enter}');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Use at least 2 characters.');
    await userEvent.clear(input);
    await userEvent.type(input, 'walking{Enter}');
    expect(input).toHaveAccessibleDescription('Choose or list at most 2.');
    expect(values()).toBe('a1|b2');
  });
});
