import { useTranslation } from 'react-i18next';
import { ProposalsSection } from '../../proposals/components/proposals-section';
import { ThreadPanel } from '../../threads/components/thread-panel';

/** The idea's live discussion: where patients, families and the care team co-design it together, with its proposals. */
export function IdeaDiscussion({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  return (
    <ThreadPanel
      subjectType="CHANGE_IDEA"
      subjectId={ideaId}
      title={t('ideas.discussion.title')}
      renderAbove={(threadId) => <ProposalsSection threadId={threadId} />}
    />
  );
}
