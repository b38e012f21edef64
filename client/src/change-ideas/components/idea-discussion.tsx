import { useTranslation } from 'react-i18next';
import { ThreadPanel } from '../../threads/components/thread-panel';

/** The idea's live discussion: where patients, families and the care team co-design it together. */
export function IdeaDiscussion({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  return <ThreadPanel subjectType="CHANGE_IDEA" subjectId={ideaId} title={t('ideas.discussion.title')} />;
}
