import { can } from '@commons/shared';
import { mayReport } from '../../measures/access';
import { homeCards } from '../card-registry';
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

// The home page's cards. A capability adds its own here.
homeCards
  .register({ id: 'welcome', order: 0, Component: WelcomeCard })
  // Patients and families see the shared aim first; everyone else after their own work.
  .register({
    id: 'shared-aim',
    order: (actor) => (actor.role === 'PATIENT_PARTNER' || actor.role === 'FAMILY_MEMBER' ? -10 : 15),
    Component: SharedAimCard,
  })
  .register({
    id: 'reports-due',
    order: 5,
    roles: ['SITE_LEAD', 'CLINICIAN'],
    when: (actor) => actor.siteId !== null && mayReport(actor),
    Component: ReportsDueCard,
  })
  // Co-design, tailored: patients and families follow the ideas they take part in, right after the aim;
  // the site team follows what is being tested at its site.
  .register({
    id: 'my-change-ideas',
    order: -5,
    roles: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
    Component: MyChangeIdeasCard,
  })
  .register({
    id: 'testing-at-my-site',
    order: 7,
    roles: ['CLINICIAN', 'SITE_LEAD'],
    when: (actor) => actor.siteId !== null,
    Component: TestingAtMySiteCard,
  })
  .register({ id: 'site-team', order: 10, roles: ['SITE_LEAD'], Component: SiteTeamCard })
  .register({
    id: 'pending-invitations',
    order: 10,
    roles: ['NETWORK_ADMIN'],
    when: (actor) => can(actor, 'invitation.list'),
    Component: PendingInvitationsCard,
  })
  // Requests to join a site wait for its lead (or an admin): near the top, as they hold a member back.
  .register({
    id: 'site-requests',
    order: 6,
    roles: ['SITE_LEAD', 'NETWORK_ADMIN'],
    // Only when there are requests she may answer: any site's (admins) or her own site's (site leads).
    when: (actor) => can(actor, 'siteRequest.answer', { siteId: actor.siteId }),
    Component: SiteRequestsCard,
  })
  // A decision waits for every member named in it: near the top for everyone, as it holds an idea back.
  .register({ id: 'decisions-waiting', order: -7, Component: DecisionsWaitingCard })
  .register({ id: 'commons', order: 18, Component: CommonsCard })
  .register({ id: 'people-like-me', order: 20, Component: LikeMeCard });
