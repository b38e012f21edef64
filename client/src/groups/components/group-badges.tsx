import { useTranslation } from 'react-i18next';
import type { GroupSummaryFieldsFragment } from '../../gql/graphql';
import { standingIn } from '../access';

/** Open or invite-only, archived, and the viewer's place in it, as badges. */
export function GroupBadges({ group }: { group: GroupSummaryFieldsFragment }) {
  const { t } = useTranslation();
  const standing = standingIn(group);
  return (
    <p className="group-badges">
      <span className={`badge ${group.visibility === 'OPEN' ? 'badge--accepted' : 'badge--pending'}`}>
        {t(`groups.visibility.${group.visibility}`)}
      </span>
      {group.archived && <span className="badge badge--revoked">{t('groups.archivedBadge')}</span>}
      {standing && (
        <span className={`badge ${standing === 'INVITED' ? 'badge--warning' : ''}`}>
          {t(`groups.standing.${standing}`)}
        </span>
      )}
    </p>
  );
}
