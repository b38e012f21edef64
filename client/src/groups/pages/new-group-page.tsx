import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useNetwork } from '../../networks/network-context';
import { PageHeading } from '../../ui/page-heading';
import { EMPTY_GROUP, GroupForm } from '../components/group-form';
import { GROUP_CONTEXT, StartGroupDocument } from '../documents';
import type { GroupPageState } from './group-page';
import '../groups.css';

/** Start a working group; its starter becomes its owner. */
export function NewGroupPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const navigate = useNavigate();
  const [, start] = useMutation(StartGroupDocument);
  const base = `/n/${network.slug}/groups`;

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={base}>{t('groups.backToGroups')}</Link>
      </p>
      <PageHeading>{t('groups.form.newTitle')}</PageHeading>
      <p className="lead">{t('groups.form.newIntro')}</p>
      <GroupForm
        initial={EMPTY_GROUP}
        submitLabel={t('groups.form.start')}
        busyLabel={t('groups.form.starting')}
        onCancel={() => void navigate(base)}
        onSubmit={async (input) => {
          const result = await start({ networkId: network.id, input }, GROUP_CONTEXT);
          if (result.error || !result.data) return result.error ?? null;
          const state: GroupPageState = { flash: t('groups.form.started') };
          void navigate(`${base}/${result.data.startGroup.id}`, { state });
          return null;
        }}
      />
    </div>
  );
}
