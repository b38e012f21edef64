import { type Actor, can, ROLES, type Role } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { type HomeCard, HomeCardRegistry, homeCards } from './card-registry';
import './cards';

const Empty = () => null;
const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  role,
  siteId: 's1',
  active: true,
  ...overrides,
});
const card = (id: string, extra: Partial<HomeCard> = {}): HomeCard => ({ id, order: 0, Component: Empty, ...extra });
const ids = (cards: HomeCard[]) => cards.map((c) => c.id);

describe('HomeCardRegistry', () => {
  it('shows a card to the roles it names, and to everyone when it names none', () => {
    const registry = new HomeCardRegistry().register(card('all')).register(card('leads', { roles: ['SITE_LEAD'] }));
    expect(ids(registry.cardsFor(actor('SITE_LEAD')))).toEqual(['all', 'leads']);
    expect(ids(registry.cardsFor(actor('PATIENT_PARTNER')))).toEqual(['all']);
  });

  it('applies a card condition, such as a policy check', () => {
    const registry = new HomeCardRegistry().register(card('invites', { when: (a) => can(a, 'invitation.list') }));
    expect(ids(registry.cardsFor(actor('NETWORK_ADMIN')))).toEqual(['invites']);
    expect(ids(registry.cardsFor(actor('RESEARCHER')))).toEqual([]);
  });

  it('orders a card by who looks when its order is a function', () => {
    const registry = new HomeCardRegistry()
      .register(card('a', { order: 1 }))
      .register(card('b', { order: (a) => (a.role === 'PATIENT_PARTNER' ? 0 : 2) }));
    expect(ids(registry.cardsFor(actor('PATIENT_PARTNER')))).toEqual(['b', 'a']);
    expect(ids(registry.cardsFor(actor('CLINICIAN')))).toEqual(['a', 'b']);
  });

  it('orders cards by their order, then by id', () => {
    const registry = new HomeCardRegistry()
      .register(card('c', { order: 2 }))
      .register(card('b', { order: 1 }))
      .register(card('a', { order: 2 }));
    expect(ids(registry.cardsFor(actor('CLINICIAN')))).toEqual(['b', 'a', 'c']);
  });

  it('shows nothing to a deactivated member', () => {
    const registry = new HomeCardRegistry().register(card('all'));
    expect(registry.cardsFor(actor('CLINICIAN', { active: false }))).toEqual([]);
  });

  it('refuses two cards with one id', () => {
    const registry = new HomeCardRegistry().register(card('x'));
    expect(() => registry.register(card('x'))).toThrow(/already registered/);
  });
});

describe('the app home cards', () => {
  it.each<[Role, string[]]>([
    // Patients and families see the shared aim first, then the ideas they take part in; the site
    // team sees its reports due, then what is being tested at its site.
    // Everyone named in a decision confirms it: the decisions waiting for her come first (after the
    // aim, for patients and families), as they hold an idea back.
    ['PATIENT_PARTNER', ['shared-aim', 'decisions-waiting', 'my-change-ideas', 'welcome', 'commons', 'people-like-me']],
    ['FAMILY_MEMBER', ['shared-aim', 'decisions-waiting', 'my-change-ideas', 'welcome', 'commons', 'people-like-me']],
    [
      'CLINICIAN',
      ['decisions-waiting', 'welcome', 'reports-due', 'testing-at-my-site', 'shared-aim', 'commons', 'people-like-me'],
    ],
    ['RESEARCHER', ['decisions-waiting', 'welcome', 'shared-aim', 'commons', 'people-like-me']],
    [
      'SITE_LEAD',
      [
        'decisions-waiting',
        'welcome',
        'reports-due',
        'site-requests',
        'testing-at-my-site',
        'site-team',
        'shared-aim',
        'commons',
        'people-like-me',
      ],
    ],
    [
      'NETWORK_ADMIN',
      [
        'decisions-waiting',
        'welcome',
        'site-requests',
        'pending-invitations',
        'shared-aim',
        'commons',
        'people-like-me',
      ],
    ],
  ])('a %s sees %j', (role, expected) => {
    expect(ids(homeCards.cardsFor(actor(role)))).toEqual(expected);
  });

  it('shows reports due only to a site team member who has a site', () => {
    expect(ids(homeCards.cardsFor(actor('CLINICIAN', { siteId: null })))).not.toContain('reports-due');
  });

  it('shows the ideas tested at the site only to a clinician or site lead who has a site', () => {
    expect(ids(homeCards.cardsFor(actor('CLINICIAN', { siteId: null })))).not.toContain('testing-at-my-site');
    expect(ids(homeCards.cardsFor(actor('SITE_LEAD', { siteId: null })))).not.toContain('testing-at-my-site');
    expect(ids(homeCards.cardsFor(actor('PATIENT_PARTNER')))).not.toContain('testing-at-my-site');
  });

  it('covers every role', () => {
    for (const role of ROLES) expect(homeCards.cardsFor(actor(role)).length).toBeGreaterThan(0);
  });
});
