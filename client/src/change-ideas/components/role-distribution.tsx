import type { Role } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { groupDistribution } from '../role-distribution';

/**
 * Counts by group (patients, families, clinicians, researchers, site teams, network staff) as a
 * bar chart made of a list: each line says the group and its number in words, and the bar beside
 * it is decoration for sighted readers.
 */
export function RoleDistribution({
  byRole,
  label,
  unit,
}: {
  byRole: readonly { role: Role; count: number }[];
  label: string;
  unit: 'endorsements' | 'people';
}) {
  const { t } = useTranslation();
  const groups = groupDistribution(byRole);
  return (
    <ul className="distribution" aria-label={label}>
      {groups.map(({ group, count, relative }) => (
        <li key={group} className={`distribution__row ${count === 0 ? 'distribution__row--zero' : ''}`}>
          <span className="distribution__label">{t(`ideas.groups.${group}`)}</span>
          <span className="distribution__bar" aria-hidden="true">
            <span className="distribution__fill" style={{ width: `${Math.round(relative * 100)}%` }} />
          </span>
          <span className="distribution__count">
            {count} <span className="visually-hidden">{t(`ideas.distribution.${unit}`, { count })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
