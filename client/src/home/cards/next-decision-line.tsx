import { useTranslation } from 'react-i18next';
import type { NextDecisionBasis } from '../../gql/graphql';

interface Decision {
  dueOn: string | null;
  basis: NextDecisionBasis;
  overdue: boolean;
}

/** When the next decision on an idea is due, in words; overdue ones say so. */
export function NextDecisionLine({ decision, formatDay }: { decision: Decision; formatDay: (day: string) => string }) {
  const { t } = useTranslation();
  if (!decision.dueOn) return <p className="idea-list__decision">{t('home.nextDecision.unscheduled')}</p>;
  const date = formatDay(decision.dueOn);
  return (
    <p className={`idea-list__decision${decision.overdue ? ' idea-list__decision--overdue' : ''}`}>
      {decision.overdue
        ? t('home.nextDecision.overdue', { date })
        : decision.basis === 'PDSA_CYCLE_END'
          ? t('home.nextDecision.cycleEnd', { date })
          : t('home.nextDecision.agreed', { date })}
    </p>
  );
}
