import { useTranslation } from 'react-i18next';
import { PagedList } from '../../ui/paged-list';
import { GROUP_CONTEXT, GROUPS_PAGE_SIZE, GroupsDocument } from '../documents';
import { GroupCard } from './group-card';

interface ResultsProps {
  networkId: string;
  networkSlug: string;
  mine: boolean;
  includeArchived: boolean;
}

/** Groups by name, page after page. Key it per filter. */
export function GroupResults({ networkId, networkSlug, mine, includeArchived }: ResultsProps) {
  const { t } = useTranslation();
  return (
    <PagedList
      id="group-results"
      heading={mine ? t('groups.filter.mine') : t('groups.filter.all')}
      query={GroupsDocument}
      variables={{ networkId, mine, includeArchived, first: GROUPS_PAGE_SIZE }}
      connection={(data) => data.groups}
      context={GROUP_CONTEXT}
      countText={(_shown, total) =>
        total === 0 ? (mine ? t('groups.noneMine') : t('groups.none')) : t('groups.count', { count: total })
      }
      showMoreLabel={t('groups.showMore')}
      listClassName="group-grid"
      renderItem={(group, firstLink) => (
        <GroupCard key={group.id} group={group} networkSlug={networkSlug} linkRef={firstLink} />
      )}
    />
  );
}
