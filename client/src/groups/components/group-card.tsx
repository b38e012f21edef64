import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupSummaryFieldsFragment } from '../../gql/graphql';
import { GroupBadges } from './group-badges';

const PURPOSE_PREVIEW = 220;

/** One group in a list: its name (a link), whether it is open, the viewer's place, its purpose and size. */
export function GroupCard({
  group,
  networkSlug,
  linkRef,
}: {
  group: GroupSummaryFieldsFragment;
  networkSlug: string;
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const { t } = useTranslation();
  const purpose =
    group.purpose.length > PURPOSE_PREVIEW ? `${group.purpose.slice(0, PURPOSE_PREVIEW).trimEnd()}…` : group.purpose;
  return (
    <li className="group-card">
      <h3 className="group-card__name">
        <Link to={`/n/${networkSlug}/groups/${group.id}`} ref={linkRef}>
          {group.name}
        </Link>
      </h3>
      <GroupBadges group={group} />
      {purpose && <p className="group-card__purpose">{purpose}</p>}
      <p className="group-card__count">{t('groups.memberCount', { count: group.memberCount })}</p>
    </li>
  );
}
