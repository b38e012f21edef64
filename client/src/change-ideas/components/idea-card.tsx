import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChangeIdeaSummaryFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { RoleMix } from './role-mix';
import { StatusBadge } from './status-badge';

const PREVIEW_LENGTH = 220;

/** The start of a plain text, cut at a word, with an ellipsis when cut. */
export function preview(text: string, length = PREVIEW_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : length)}…`;
}

/** One idea in the list: its status, the start of the idea, who co-designs it, and how many endorse it. */
export function IdeaCard({
  idea,
  to,
  linkRef,
}: {
  idea: ChangeIdeaSummaryFragment;
  to: string;
  linkRef?: (el: HTMLAnchorElement | null) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className="idea-card">
      <div className="idea-card__top">
        <StatusBadge status={idea.status} />
        <span className="muted small">{t('ideas.card.changed', { date: formatDate(idea.updatedAt) })}</span>
      </div>
      <h3 className="idea-card__title">
        <Link to={to} ref={linkRef}>
          {idea.title}
        </Link>
      </h3>
      <p className="idea-card__preview">{preview(idea.ideaText)}</p>
      <p className="muted small">{t('ideas.card.proposedBy', { name: idea.proposer.name })}</p>
      <RoleMix participation={idea.participation} noPatientOrFamilyVoice={idea.noPatientOrFamilyVoice} />
      <p className="idea-card__endorsements">{t('ideas.card.endorsements', { count: idea.endorsements.total })}</p>
      {idea.drivers.length > 0 && (
        <ul className="tags" aria-label={t('ideas.card.drivers')}>
          {idea.drivers.map((driver) => (
            <li key={driver.id} className="tag">
              {driver.title}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
