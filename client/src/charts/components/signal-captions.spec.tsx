import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignalCaptions } from './signal-captions';

describe('SignalCaptions', () => {
  it('offers to start a new phase where the level moved', async () => {
    const onSplit = vi.fn();
    render(
      <SignalCaptions
        signals={[
          {
            key: 'shift',
            phase: 0,
            side: 'above',
            month: '2025-10',
            before: 11,
            after: 8,
            centre: 'average',
            assessment: 'improvement',
          },
        ]}
        points={[]}
        onSplit={onSplit}
      />,
    );
    expect(screen.getByText(/^The level moved up around Oct 2025/)).toBeInTheDocument();
    expect(screen.queryByText(/deterioration/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start a new phase in Oct 2025' }));
    expect(onSplit).toHaveBeenCalledWith('2025-10');
  });
});
