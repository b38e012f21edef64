import { can } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../networks/network-context';
import { PageHeading } from '../../ui/page-heading';
import { InvitationList } from '../components/invitation-list';
import { InviteForm } from '../components/invite-form';
import { SiteRequestList } from '../components/site-request-list';
import { invitableRoles } from '../invitable';

/** Invite people to the network, follow up on the invitations sent and answer requests to join a site (admins and site leads). */
export function InvitationsPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const mayInvite =
    invitableRoles(
      actor,
      network.sites.map((s) => s.id),
    ).length > 0;

  if (!can(actor, 'invitation.list')) {
    return (
      <>
        <PageHeading>{t('invitations.title')}</PageHeading>
        <p>{t('invitations.notAllowed')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('invitations.title')}</PageHeading>
      <p className="lead">
        {actor.role === 'NETWORK_ADMIN' ? t('invitations.introAdmin') : t('invitations.introSiteLead')}
      </p>
      {can(actor, 'siteRequest.list') && <SiteRequestList />}
      <div className="two-columns">
        {mayInvite ? <InviteForm /> : <p className="panel">{t('invitations.needSite')}</p>}
        <InvitationList />
      </div>
    </>
  );
}
