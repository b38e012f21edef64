import { can } from '@commons/shared';
import { homeCards } from '../card-registry';
import { LikeMeCard } from './like-me-card';
import { PendingInvitationsCard } from './pending-invitations-card';
import { SiteTeamCard } from './site-team-card';
import { WelcomeCard } from './welcome-card';

// The home page's cards. A capability adds its own here (e.g. missing reports for site leads).
homeCards
  .register({ id: 'welcome', order: 0, Component: WelcomeCard })
  .register({ id: 'site-team', order: 10, roles: ['SITE_LEAD'], Component: SiteTeamCard })
  .register({
    id: 'pending-invitations',
    order: 10,
    roles: ['NETWORK_ADMIN'],
    when: (actor) => can(actor, 'invitation.list'),
    Component: PendingInvitationsCard,
  })
  .register({ id: 'people-like-me', order: 20, Component: LikeMeCard });
