import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a resource's discussion will be: the live threads of co-design attach here when they
 * exist. Until then the page says so plainly.
 */
export function DiscussionSeam() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="resource-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commons.discussion.title')}</h2>
      <div className="panel placeholder">
        <p>{t('commons.discussion.coming')}</p>
      </div>
    </section>
  );
}
