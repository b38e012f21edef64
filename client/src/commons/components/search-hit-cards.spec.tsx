import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HitList } from './search-results';

const seg = (text: string, match = false) => ({ text, match });

const ideaHit = {
  id: 'i1',
  type: 'CHANGE_IDEA',
  title: [seg('Text '), seg('reminders', true), seg(' before lab visits')],
  snippet: [seg('Families miss '), seg('reminders', true), seg(' <b>late</b>')],
  resource: null,
  changeIdea: { id: 'i1', title: 'Text reminders before lab visits', status: 'TESTING' },
  group: null,
} as const;

const groupHit = {
  id: 'g1',
  type: 'GROUP',
  title: [seg('Colonoscopy taskforce')],
  snippet: [seg('Redesign bowel '), seg('preparation', true)],
  resource: null,
  changeIdea: null,
  group: { id: 'g1', name: 'Colonoscopy taskforce', visibility: 'INVITE_ONLY', archived: true },
} as const;

function renderHits(highlight: boolean) {
  return render(
    <MemoryRouter>
      <HitList hits={[ideaHit, groupHit] as never} networkSlug="northstar" highlight={highlight} />
    </MemoryRouter>,
  );
}

describe('search hits for change ideas and groups', () => {
  it('shows a change idea with its type, status, highlighted title linking to the idea, and its snippet as text', () => {
    renderHits(true);
    const link = screen.getByRole('link', { name: 'Text reminders before lab visits' });
    expect(link).toHaveAttribute('href', '/n/northstar/ideas/i1');
    expect(link.querySelector('mark')?.textContent).toBe('reminders');
    const card = link.closest('li')!;
    expect(within(card).getByText('Change idea')).toBeInTheDocument();
    expect(within(card).getByText('Being tested')).toBeInTheDocument();
    expect(within(card).getByText(/<b>late<\/b>/)).toBeInTheDocument();
    expect(card.querySelector('b')).toBeNull();
  });

  it('shows a group with its type, whether it is open, archived, a link to the group, and its snippet', () => {
    renderHits(true);
    const link = screen.getByRole('link', { name: 'Colonoscopy taskforce' });
    expect(link).toHaveAttribute('href', '/n/northstar/groups/g1');
    const card = link.closest('li')!;
    expect(within(card).getByText('Working group')).toBeInTheDocument();
    expect(within(card).getByText('Invite-only')).toBeInTheDocument();
    expect(within(card).getByText('Archived')).toBeInTheDocument();
    expect([...card.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['preparation']);
  });

  it('shows plain titles when nothing was typed', () => {
    renderHits(false);
    expect(screen.getByRole('link', { name: 'Text reminders before lab visits' }).querySelector('mark')).toBeNull();
  });
});
