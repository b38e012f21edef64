import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorCode } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { GroupForm } from '../components/group-form';
import { EditGroupDocument, GROUP_CONTEXT, GroupDocument } from '../documents';
import { GroupNotFound, type GroupPageState } from './group-page';
import '../groups.css';

/** Owners (and admins) change a group's name, purpose and who may join. */
export function EditGroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { network } = useNetwork();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: GroupDocument, variables: { id: groupId } });
  const [, edit] = useMutation(EditGroupDocument);
  const page = `/n/${network.slug}/groups/${groupId}`;
  const group = data?.group.networkId === network.id ? data.group : null;

  if (!group) {
    if (data || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <GroupNotFound />;
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={page}>{t('groups.backToGroup', { name: group.name })}</Link>
      </p>
      <PageHeading>{t('groups.form.editTitle', { name: group.name })}</PageHeading>
      {group.viewerCanEdit ? (
        <GroupForm
          initial={{ name: group.name, purpose: group.purpose, visibility: group.visibility }}
          submitLabel={t('groups.form.save')}
          busyLabel={t('groups.form.saving')}
          onCancel={() => void navigate(page)}
          onSubmit={async (input) => {
            const result = await edit({ groupId: group.id, input }, GROUP_CONTEXT);
            if (result.error) return result.error;
            const state: GroupPageState = { flash: t('groups.form.saved') };
            void navigate(page, { state });
            return null;
          }}
        />
      ) : (
        <p className="panel">{group.archived ? t('groups.archivedNotice') : t('groups.form.ownersOnly')}</p>
      )}
    </div>
  );
}
