import { useTranslation } from 'react-i18next';
import { ThreadPanel } from '../../threads/components/thread-panel';

/** A resource's live discussion: questions about it, and how sites used and adapted it. */
export function ResourceDiscussion({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  return (
    <div className="resource-section">
      <ThreadPanel subjectType="RESOURCE" subjectId={resourceId} title={t('commons.discussion.title')} />
    </div>
  );
}
