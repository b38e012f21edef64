import { PDSA_STAGES } from '@commons/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { PdsaCycleFieldsFragment } from '../../gql/graphql';
import { useFormatDay } from '../../i18n/format';

graphql(`
  fragment PdsaCycleFields on PdsaCycle {
    id
    number
    title
    plan
    prediction
    doNotes
    studyNotes
    act
    actNotes
    stage
    startOn
    endOn
    version
    viewerCanEdit
    updatedAt
    site {
      id
      name
    }
    measures {
      id
      name
    }
    createdBy {
      userId
      name
    }
  }
`);

/** The dates of a cycle in words: "from 6 Jul 2026 to 27 Jul 2026", or "from … (still running)". */
export function useCycleDates() {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (startOn: string, endOn: string | null) =>
    endOn
      ? t('ideas.pdsa.dates', { start: formatDay(startOn), end: formatDay(endOn) })
      : t('ideas.pdsa.datesOpen', { start: formatDay(startOn) });
}

/**
 * One PDSA cycle: where it stands among plan, do, study and act; the plan and its prediction
 * side by side with what happened; the act; and links to the charts of the measures it should move.
 */
export function PdsaCycleCard({
  cycle,
  networkSlug,
  onEdit,
}: {
  cycle: PdsaCycleFieldsFragment;
  networkSlug: string;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const dates = useCycleDates();
  const stageIndex = PDSA_STAGES.indexOf(cycle.stage);
  const notYet = <span className="muted">{t('ideas.pdsa.notYet')}</span>;

  return (
    <article className="pdsa-cycle" aria-labelledby={headingId}>
      <h4 id={headingId} className="pdsa-cycle__title">
        {t('ideas.pdsa.cycleTitle', { number: cycle.number, title: cycle.title })}
      </h4>
      <p className="muted small">
        {dates(cycle.startOn, cycle.endOn)} · {t('ideas.pdsa.by', { name: cycle.createdBy.name })}
      </p>
      <ol className="pdsa-stages" aria-label={t('ideas.pdsa.stagesLabel')}>
        {PDSA_STAGES.map((stage, index) => (
          <li
            key={stage}
            className={`pdsa-stages__stage ${index < stageIndex ? 'pdsa-stages__stage--done' : index === stageIndex ? 'pdsa-stages__stage--current' : ''}`}
            aria-current={index === stageIndex ? 'step' : undefined}
          >
            {t(`ideas.pdsa.stage.${stage}`)}
          </li>
        ))}
      </ol>
      <dl className="pdsa-cycle__facts">
        <div>
          <dt>{t('ideas.pdsa.plan')}</dt>
          <dd className="prose">{cycle.plan}</dd>
        </div>
        <div className="pdsa-cycle__prediction">
          <dt>{t('ideas.pdsa.prediction')}</dt>
          <dd className="prose">{cycle.prediction}</dd>
        </div>
        <div>
          <dt>{t('ideas.pdsa.do')}</dt>
          <dd className="prose">{cycle.doNotes || notYet}</dd>
        </div>
        <div>
          <dt>{t('ideas.pdsa.study')}</dt>
          <dd className="prose">{cycle.studyNotes || notYet}</dd>
        </div>
        <div>
          <dt>{t('ideas.pdsa.actTitle')}</dt>
          <dd className="prose">
            {cycle.act ? (
              <>
                <strong>{t(`ideas.pdsa.act.${cycle.act}`)}</strong>
                {cycle.actNotes && `: ${cycle.actNotes}`}
              </>
            ) : (
              notYet
            )}
          </dd>
        </div>
        <div>
          <dt>{t('ideas.pdsa.measures')}</dt>
          <dd>
            {cycle.measures.length === 0 ? (
              <span className="muted">{t('ideas.pdsa.noMeasures')}</span>
            ) : (
              <ul className="pdsa-cycle__measures">
                {cycle.measures.map((measure) => (
                  <li key={measure.id}>
                    <Link to={`/n/${networkSlug}/measures/${measure.id}?site=${encodeURIComponent(cycle.site.id)}`}>
                      {t('ideas.pdsa.chartLink', { measure: measure.name, site: cycle.site.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {onEdit && (
        <button type="button" className="button button--secondary button--small" onClick={onEdit}>
          {t('ideas.pdsa.update')}{' '}
          <span className="visually-hidden">
            {t('ideas.pdsa.cycleTitle', { number: cycle.number, title: cycle.title })}
          </span>
        </button>
      )}
    </article>
  );
}
