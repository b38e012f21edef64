import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DiffView, diffStats, type FieldDiffItem } from './diff-view';

const body: FieldDiffItem = {
  field: 'body',
  hunks: [
    {
      oldStart: 3,
      oldLines: 3,
      newStart: 3,
      newLines: 3,
      lines: [
        { kind: 'CONTEXT', text: '## When to call' },
        { kind: 'REMOVED', text: 'Call the ward on 555 0100.' },
        { kind: 'ADDED', text: 'Call the IBD nurse on 555 0199.' },
        { kind: 'ADDED', text: '' },
        { kind: 'CONTEXT', text: 'Bring this plan.' },
      ],
    },
  ],
};
const title: FieldDiffItem = {
  field: 'title',
  hunks: [
    {
      oldStart: 1,
      oldLines: 1,
      newStart: 1,
      newLines: 1,
      lines: [
        { kind: 'REMOVED', text: 'Flare plan' },
        { kind: 'ADDED', text: 'Flare plan (our version)' },
      ],
    },
  ],
};

describe('DiffView', () => {
  it('marks each added and removed line with a visible sign and a spoken word, not colour alone', () => {
    const { container } = render(<DiffView fields={[title, body]} />);
    const lines = [...container.querySelectorAll('.diff__line')].map((line) => line.textContent);
    expect(lines).toEqual([
      '−Removed: Flare plan',
      '+Added: Flare plan (our version)',
      ' ## When to call',
      '−Removed: Call the ward on 555 0100.',
      '+Added: Call the IBD nurse on 555 0199.',
      '+Added: empty line',
      ' Bring this plan.',
    ]);
    expect(container.querySelectorAll('ins')).toHaveLength(3);
    expect(container.querySelectorAll('del')).toHaveLength(2);
    expect(within(container.querySelectorAll('ins')[0] as HTMLElement).getByText('Added:')).toHaveClass(
      'visually-hidden',
    );
  });

  it('names each changed field with how many lines it gains and loses, and where a later hunk starts', () => {
    render(<DiffView fields={[title, body]} />);
    expect(screen.getByRole('heading', { name: 'Title +1 −1 lines' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Text +2 −1 lines' })).toBeInTheDocument();
    expect(screen.getByText('Around line 3')).toBeInTheDocument();
  });

  it('says so when nothing changed', () => {
    render(<DiffView fields={[]} />);
    expect(screen.getByText('Nothing changed between these versions.')).toBeInTheDocument();
  });

  it('counts added and removed lines', () => {
    expect(diffStats(body.hunks)).toEqual({ added: 2, removed: 1 });
  });
});
