import { can } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../networks/network-context';
import { PageHeading } from '../../ui/page-heading';
import { InvitationList } from '../components/invitation-list';
import { InviteForm } from '../components/invite-form';
import { invitableRoles } from '../invitable';

/** Invite people to the network and follow up on the invitations sent (admins and site leads). */
export function InvitationsPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const mayInvite = invitableRoles(actor, network.sites.map((s) => s.id)).length > 0;

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
      <p className="lead">{actor.role === 'NETWORK_ADMIN' ? t('invitations.introAdmin') : t('invitations.introSiteLead')}</p>
      <div className="two-columns">
        {mayInvite ? <InviteForm /> : <p className="panel">{t('invitations.needSite')}</p>}
        <InvitationList />
      </div>
    </>
  );
}
