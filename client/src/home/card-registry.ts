import { type Actor, type HomeCardRule, seesHomeCard } from '@commons/shared';
import type { ComponentType } from 'react';
import type { Viewer } from '../auth/viewer';
import type { CurrentNetwork } from '../networks/network-context';

/** What every home card is given. */
export interface HomeCardProps {
  viewer: Viewer;
  network: CurrentNetwork;
  actor: Actor;
}

/** A card on the network's home page: its rule (shared/src/home/home-cards.ts) and what draws it. */
export interface HomeCard extends HomeCardRule {
  id: string;
  Component: ComponentType<HomeCardProps>;
}

/** The cards of the home page, so each role sees what matters to it (principle 3). */
export class HomeCardRegistry {
  private readonly cards = new Map<string, HomeCard>();

  /** `replace`: let a card be registered again (during development, hot reloading re-registers). */
  constructor(private readonly options: { replace?: boolean } = {}) {}

  /** Adds a card; a second card with the same id is a mistake and throws. */
  register(card: HomeCard): this {
    if (this.cards.has(card.id) && !this.options.replace)
      throw new Error(`A home card "${card.id}" is already registered`);
    this.cards.set(card.id, card);
    return this;
  }

  /** The cards `actor` sees, in page order (ties by id, so the order is stable). */
  cardsFor(actor: Actor): HomeCard[] {
    return [...this.cards.values()]
      .filter((card) => seesHomeCard(card, actor))
      .map((card) => ({ card, order: typeof card.order === 'function' ? card.order(actor) : card.order }))
      .sort((a, b) => a.order - b.order || a.card.id.localeCompare(b.card.id))
      .map(({ card }) => card);
  }
}

/** The app's home cards; see ./cards/index.ts. */
export const homeCards = new HomeCardRegistry({ replace: Boolean(import.meta.hot) });
