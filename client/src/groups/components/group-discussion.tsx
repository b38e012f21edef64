import { useTranslation } from 'react-i18next';
import { ThreadPanel } from '../../threads';

/** The group's live discussion. */
export function GroupDiscussion({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  return <ThreadPanel subjectType="GROUP" subjectId={groupId} title={t('groups.discussion.title')} />;
}
