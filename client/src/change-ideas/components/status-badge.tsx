import type { ChangeIdeaStatus } from '@commons/shared';
import { useTranslation } from 'react-i18next';

/** Where an idea stands, as a coloured label with the status in words. */
export function StatusBadge({ status }: { status: ChangeIdeaStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge idea-status idea-status--${status.toLowerCase()}`}>{t(`ideas.status.${status}`)}</span>
  );
}
