import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where the group's live thread goes. The threads client renders the discussion of the group
 * `groupId` here; until it exists the section says so plainly.
 */
export function GroupDiscussion({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="group-section" aria-labelledby={headingId} data-group-id={groupId}>
      <h2 id={headingId}>{t('groups.discussion.title')}</h2>
      <div className="panel placeholder">
        <p>{t('groups.discussion.coming')}</p>
      </div>
    </section>
  );
}
