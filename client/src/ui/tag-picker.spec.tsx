import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { interestSchema, tagSchema } from '@commons/shared';
import { TagPicker } from './tag-picker';

const INTEREST_TEXTS = {
  add: 'Add',
  chosen: 'Your interests',
  remove: (tag: string) => `Remove ${tag}`,
  added: (tag: string) => `${tag} added.`,
  removed: (tag: string) => `${tag} removed.`,
};

function Harness({ initial = [] as string[], max = 20 }) {
  const [values, setValues] = useState(initial);
  return (
    <form>
      <TagPicker
        label="Interests"
        values={values}
        onChange={setValues}
        max={max}
        schema={interestSchema}
        texts={INTEREST_TEXTS}
      />
      <span data-testid="values">{values.join('|')}</span>
    </form>
  );
}

const values = () => screen.getByTestId('values').textContent;

describe('TagPicker (interests: typed in)', () => {
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

function CuratedHarness({ initial = [] as string[], max = 3 }) {
  const [values, setValues] = useState(initial);
  return (
    <form>
      <TagPicker
        label="Tags"
        values={values}
        onChange={setValues}
        max={max}
        schema={tagSchema}
        curated={[
          { tag: 'asthma', description: 'Breathing' },
          { tag: 'transition', description: '' },
        ]}
        texts={{ ...INTEREST_TEXTS, freeTag: 'Add your own tag', curatedCaption: "The network's tags:" }}
      />
      <span data-testid="values">{values.join('|')}</span>
    </form>
  );
}

describe('TagPicker (tags: curated toggles and typed in)', () => {
  it('toggles a curated tag and adds a typed one on comma, within the limit', async () => {
    render(<CuratedHarness max={2} />);
    const asthma = screen.getByRole('button', { name: 'asthma' });
    await userEvent.click(asthma);
    expect(asthma).toHaveAttribute('aria-pressed', 'true');
    await userEvent.type(screen.getByRole('combobox', { name: 'Add your own tag' }), 'Self Care,');
    expect(values()).toBe('asthma|self care');
    expect(screen.getByRole('button', { name: 'transition' })).toBeDisabled();
    await userEvent.click(asthma);
    expect(values()).toBe('self care');
    expect(screen.getByRole('group', { name: 'Tags' })).toBeInTheDocument();
  });
});
