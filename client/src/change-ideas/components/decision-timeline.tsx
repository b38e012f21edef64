import { useTranslation } from 'react-i18next';
import type { DecisionFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { DecisionFacts } from './decision-facts';
import { DecisionParticipants } from './decision-participants';

/**
 * Every decision on the idea that no longer waits, newest first: the move, what was decided and
 * why, and everyone named in it with their answers; taken ones say when they took effect, the
 * others how they ended (declined, withdrawn, expired).
 */
export function DecisionTimeline({ decisions }: { decisions: readonly DecisionFieldsFragment[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (decisions.length === 0) return <p className="muted">{t('ideas.decisions.none')}</p>;
  return (
    <ol className="timeline" aria-label={t('ideas.decisions.timeline')}>
      {decisions.map((decision) => {
        const when = decision.decidedAt ?? decision.closedAt ?? decision.proposedAt;
        return (
          <li key={decision.id} className={`timeline__item timeline__item--${decision.status.toLowerCase()}`}>
            <h3 className="timeline__title">
              {t('ideas.decisions.move', {
                from: t(`ideas.status.${decision.fromStatus}`),
                to: t(`ideas.status.${decision.toStatus}`),
              })}
            </h3>
            <p className="muted small">
              <span className={`decision-status decision-status--${decision.status.toLowerCase()}`}>
                {t(`ideas.decisionStatus.${decision.status}`)}
              </span>{' '}
              <time dateTime={when}>{formatDateTime(when)}</time> ·{' '}
              {t('ideas.decisions.recordedBy', { name: decision.decidedBy.name })}
            </p>
            <DecisionFacts decision={decision}>
              <dt>{t('ideas.decisions.who')}</dt>
              <dd>
                <DecisionParticipants participants={decision.participants} ended label={t('ideas.decisions.who')} />
              </dd>
            </DecisionFacts>
          </li>
        );
      })}
    </ol>
  );
}
