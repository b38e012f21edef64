import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The idea's live discussion thread. A seam: the thread client (messages, presence, typing,
 * unread markers) comes with the threads capability and renders here, given the idea's id.
 */
export function IdeaDiscussion({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel idea-discussion" aria-labelledby={headingId} data-thread-subject="CHANGE_IDEA" data-thread-subject-id={ideaId}>
      <h2 id={headingId}>{t('ideas.discussion.title')}</h2>
      <p className="muted">{t('ideas.discussion.coming')}</p>
    </section>
  );
}
