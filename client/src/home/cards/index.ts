import { HOME_CARD_RULES, type HomeCardId } from '@commons/shared';
import type { ComponentType } from 'react';
import { type HomeCardProps, homeCards } from '../card-registry';
import { CommonsCard } from './commons-card';
import { DecisionsWaitingCard } from './decisions-waiting-card';
import { LikeMeCard } from './like-me-card';
import { MyChangeIdeasCard } from './my-change-ideas-card';
import { PendingInvitationsCard } from './pending-invitations-card';
import { ReportsDueCard } from './reports-due-card';
import { SharedAimCard } from './shared-aim-card';
import { SiteRequestsCard } from './site-requests-card';
import { SiteTeamCard } from './site-team-card';
import { TestingAtMySiteCard } from './testing-at-my-site-card';
import { WelcomeCard } from './welcome-card';

/**
 * What draws each of the home page's cards. Who sees a card, where, and the query it asks are the
 * card's rule in shared/src/home/home-cards.ts, which the server reads too; a capability adds its
 * card in both places.
 */
export const HOME_CARD_COMPONENTS: Record<HomeCardId, ComponentType<HomeCardProps>> = {
  welcome: WelcomeCard,
  'shared-aim': SharedAimCard,
  'reports-due': ReportsDueCard,
  'my-change-ideas': MyChangeIdeasCard,
  'testing-at-my-site': TestingAtMySiteCard,
  'site-team': SiteTeamCard,
  'pending-invitations': PendingInvitationsCard,
  'site-requests': SiteRequestsCard,
  'decisions-waiting': DecisionsWaitingCard,
  commons: CommonsCard,
  'people-like-me': LikeMeCard,
};

for (const [id, Component] of Object.entries(HOME_CARD_COMPONENTS))
  homeCards.register({ id, ...HOME_CARD_RULES[id as HomeCardId], Component });
