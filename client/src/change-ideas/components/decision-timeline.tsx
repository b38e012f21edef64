import { useTranslation } from 'react-i18next';
import type { IdeaPageQuery } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';

type Decision = IdeaPageQuery['changeIdea']['decisions'][number];

/** Every decision taken on the idea, newest first: the move, what was decided and why, and who took part with their roles. */
export function DecisionTimeline({ decisions }: { decisions: readonly Decision[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (decisions.length === 0) return <p className="muted">{t('ideas.decisions.none')}</p>;
  return (
    <ol className="timeline" aria-label={t('ideas.decisions.timeline')}>
      {decisions.map((decision) => (
        <li key={decision.id} className="timeline__item">
          <h3 className="timeline__title">{t('ideas.decisions.move', { from: t(`ideas.status.${decision.fromStatus}`), to: t(`ideas.status.${decision.toStatus}`) })}</h3>
          <p className="muted small">
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt)}</time> · {t('ideas.decisions.recordedBy', { name: decision.decidedBy.name })}
          </p>
          <dl className="timeline__facts">
            <dt>{t('ideas.decisions.what')}</dt>
            <dd className="prose">{decision.decision}</dd>
            <dt>{t('ideas.decisions.why')}</dt>
            <dd className="prose">{decision.rationale}</dd>
            <dt>{t('ideas.decisions.who')}</dt>
            <dd>
              <ul className="people">
                {decision.participants.map((participant) => (
                  <li key={participant.member.userId}>
                    {participant.member.name} <span className="muted">· {t(`roles.${participant.role}`)}</span>
                    {participant.coDesigner && <span className="people__flag"> · {t('ideas.decisions.asCoDesigner')}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
