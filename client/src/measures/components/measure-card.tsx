import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeasureDefinitionFragment } from '../../gql/graphql';
import { useMeasureFormat } from '../format';
import { MeasureDefinitionList } from './measure-definition';
import { MeasureForm } from './measure-form';

interface MeasureCardProps {
  measure: MeasureDefinitionFragment;
  networkId: string;
  networkSlug: string;
  editable: boolean;
  onSaved: (name: string) => void;
}

/** One measure: what it means, which way is better, its target, and the way to its charts. */
export function MeasureCard({ measure, networkId, networkSlug, editable, onSaved }: MeasureCardProps) {
  const { t } = useTranslation();
  const { format } = useMeasureFormat();
  const titleId = useId();
  const [editing, setEditing] = useState(false);

  return (
    <article className="card measure-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {measure.name}
      </h2>
      {editing ? (
        <MeasureForm
          networkId={networkId}
          measure={measure}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(saved.name);
          }}
        />
      ) : (
        <>
          <ul className="tags measure-card__facts">
            <li className="tag">{t(`measures.kind.${measure.kind}`)}</li>
            <li className="tag">
              <span aria-hidden="true">{measure.direction === 'UP' ? '↑ ' : '↓ '}</span>
              {t(`measures.direction.${measure.direction}`)}
            </li>
            {measure.target !== null && (
              <li className="tag">
                {t('measures.targetIs', { value: format(measure.kind, measure.target, measure.unit) })}
              </li>
            )}
          </ul>
          {measure.definition && <p>{measure.definition}</p>}
          <MeasureDefinitionList measure={measure} />
          <div className="button-row">
            <Link
              to={`/n/${networkSlug}/measures/${measure.id}`}
              className="button button--secondary"
              aria-label={t('measures.seeChartsOf', { name: measure.name })}
            >
              {t('measures.seeCharts')}
            </Link>
            {editable && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setEditing(true)}
                aria-label={t('measures.editOf', { name: measure.name })}
              >
                {t('measures.edit')}
              </button>
            )}
          </div>
        </>
      )}
    </article>
  );
}
