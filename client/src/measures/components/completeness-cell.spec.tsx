import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CELL_STATUSES, type CellStatus, CompletenessCell, CompletenessLegend } from './completeness-cell';

function renderCell(status: CellStatus, href?: string) {
  return render(
    <MemoryRouter>
      <table>
        <tbody>
          <tr>
            <CompletenessCell
              status={status}
              submitted={status === 'SUBMITTED' ? 6 : 2}
              drafts={status === 'DRAFT' ? 4 : 0}
              measureCount={6}
              label="Riverside, March 2026"
              href={href}
            />
          </tr>
        </tbody>
      </table>
    </MemoryRouter>,
  );
}

describe('CompletenessCell', () => {
  it.each([
    ['SUBMITTED', '✓', 'Submitted on time', 'cell--submitted'],
    ['LATE', '!', 'Submitted late', 'cell--late'],
    ['DRAFT', '✎', 'Draft', 'cell--draft'],
    ['MISSING', '✗', 'Missing', 'cell--missing'],
    ['NOT_DUE', '·', 'Not due yet', 'cell--not-due'],
  ] as const)('shows %s with an icon, a colour class and its status in words', (status, icon, words, className) => {
    renderCell(status);
    const cell = screen.getByRole('cell');
    expect(cell).toHaveClass(className);
    expect(cell.querySelector('[aria-hidden="true"]')).toHaveTextContent(icon);
    expect(cell).toHaveTextContent(`Riverside, March 2026: ${words}.`);
    expect(cell).toHaveAttribute('title', expect.stringContaining(words));
  });

  it('counts what is in and links to the month form for those who may report', () => {
    renderCell('DRAFT', '/n/ibd/report?month=2026-03&site=s1');
    const link = within(screen.getByRole('cell')).getByRole('link', {
      name: /Riverside, March 2026: Draft\. 2 of 6 measures submitted, 4 in draft/,
    });
    expect(link).toHaveAttribute('href', '/n/ibd/report?month=2026-03&site=s1');
  });
});

describe('CompletenessLegend', () => {
  it('explains every status in words', () => {
    render(<CompletenessLegend />);
    const items = within(screen.getByRole('list', { name: 'Key to the grid' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '✓Submitted on time',
      '!Submitted late',
      '✎Draft',
      '✗Missing',
      '·Not due yet',
    ]);
    expect(items).toHaveLength(CELL_STATUSES.length);
  });
});
