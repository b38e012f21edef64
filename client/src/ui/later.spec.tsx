import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Later } from './later';

describe('Later', () => {
  it('draws what is in sight first, and what is below just after', async () => {
    render(
      <>
        <h1>The idea</h1>
        <Later>
          <p>The discussion</p>
        </Later>
      </>,
    );
    expect(screen.getByRole('heading', { name: 'The idea' })).toBeInTheDocument();
    expect(await screen.findByText('The discussion')).toBeInTheDocument();
  });
});
