import { act, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Loading, RevealTogether } from './feedback';

/** How the test tells each part that its data arrived (or that it loads again). */
const setters: Record<string, (loaded: boolean) => void> = {};

/** A part that shows <Loading /> until told it has its data. */
function Part({ name }: { name: string }) {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setters[name] = setLoaded;
  }, [name]);
  return <section aria-label={name}>{loaded ? <p>{name} data</p> : <Loading />}</section>;
}

describe('RevealTogether', () => {
  it('shows one Loading until every part has its data, then all parts at once, and stays shown', () => {
    const { container } = render(
      <RevealTogether className="grid">
        <Part name="first" />
        <Part name="second" />
      </RevealTogether>,
    );
    const grid = container.querySelector('.grid')!;
    expect(grid).not.toBeVisible();
    // The parts' own Loading are inside the hidden grid: one is in sight.
    expect(screen.getAllByRole('status')).toHaveLength(1);

    act(() => setters.first(true));
    expect(grid).not.toBeVisible();

    act(() => setters.second(true));
    expect(grid).toBeVisible();
    expect(screen.getByText('first data')).toBeVisible();
    expect(screen.getByText('second data')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    // A part loading again later (more of its list, say) does not hide the others.
    act(() => setters.first(false));
    expect(grid).toBeVisible();
  });

  it('shows parts with nothing to load at once', () => {
    const { container } = render(
      <RevealTogether className="grid">
        <p>Welcome</p>
      </RevealTogether>,
    );
    expect(container.querySelector('.grid')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
