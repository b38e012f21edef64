import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ThreadController } from '../thread-controller';
import type { ThreadMessage } from '../thread-state';
import { ReactionPicker } from './reactions';
import { ThreadContext } from './thread-context';

const message = {
  id: 'message-1',
  author: { userId: 'user-amira', name: 'Amira Haddad' },
  reactions: [],
} as unknown as ThreadMessage;

function renderPicker() {
  const react = vi.fn(() => Promise.resolve(null));
  const controller = { react } as unknown as ThreadController;
  render(
    <ThreadContext.Provider
      value={{
        controller,
        subjectType: 'CHANGE_IDEA',
        subjectId: 'idea-1',
        networkId: 'network-1',
        viewerId: 'user-elin',
        canPost: true,
        canModerate: false,
        people: new Map(),
      }}
    >
      <button type="button">Before</button>
      <ReactionPicker message={message} onError={() => undefined} />
      <button type="button">After</button>
    </ThreadContext.Provider>,
  );
  return { react };
}

describe('the reaction picker', () => {
  it('is one Tab stop whose reactions the arrow keys, Home and End move between, wrapping around', async () => {
    const { react } = renderPicker();
    await userEvent.click(screen.getByRole('button', { name: 'React to the message from Amira Haddad' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Pick a reaction' });

    expect(screen.getByRole('button', { name: 'Thumbs up' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Love it' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Looking into it' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'Thumbs up' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Looking into it' })).toHaveFocus();

    // Only the reaction in focus is in the tab order: Tab leaves the toolbar at once.
    expect(toolbar.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();

    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Looking into it' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(react).toHaveBeenCalledWith('message-1', '👀');
    expect(screen.getByRole('button', { name: 'React to the message from Amira Haddad' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    renderPicker();
    await userEvent.click(screen.getByRole('button', { name: 'React to the message from Amira Haddad' }));
    await userEvent.keyboard('{ArrowDown}{Escape}');

    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'React to the message from Amira Haddad' })).toHaveFocus();
  });
});
