import { POSITIONS } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import type { ProposalFieldsFragment } from '../../gql/graphql';

const KEYS = { AGREE: 'agree', ABSTAIN: 'abstain', DISAGREE: 'disagree', BLOCK: 'block' } as const;

/** Positions on a proposal by voice group: a row per group, a column per position, totals last. */
export function TallyTable({ tally, caption }: { tally: ProposalFieldsFragment['positionTally']; caption: string }) {
  const { t } = useTranslation();
  const total = (key: (typeof KEYS)[keyof typeof KEYS]) => tally.reduce((sum, row) => sum + row[key], 0);
  return (
    <table className="tally">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.tally.group')}</th>
          {POSITIONS.map((p) => (
            <th key={p} scope="col">
              {t(`proposals.position.${p}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tally.map((row) => (
          <tr key={row.group}>
            <th scope="row">{t(`proposals.group.${row.group}`)}</th>
            {POSITIONS.map((p) => (
              <td
                key={p}
                className={
                  row[KEYS[p]] > 0 ? `tally__count tally__count--${KEYS[p]}` : 'tally__count tally__count--zero'
                }
              >
                {row[KEYS[p]]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('proposals.tally.total')}</th>
          {POSITIONS.map((p) => (
            <td key={p}>{total(KEYS[p])}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** Dots on a dot vote: a row per option with its total and each voice group's dots. */
export function DotTallyTable({ proposal, caption }: { proposal: ProposalFieldsFragment; caption: string }) {
  const { t } = useTranslation();
  const groups = proposal.dotTally[0]?.byGroup.map((g) => g.group) ?? [];
  const label = new Map(proposal.options.map((o) => [o.id, o.label]));
  return (
    <table className="tally">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.tally.option')}</th>
          <th scope="col">{t('proposals.tally.dots')}</th>
          {groups.map((group) => (
            <th key={group} scope="col">
              {t(`proposals.group.${group}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {proposal.dotTally.map((row) => (
          <tr key={row.optionId}>
            <th scope="row">{label.get(row.optionId)}</th>
            <td className="tally__count">{row.total}</td>
            {row.byGroup.map((g) => (
              <td key={g.group} className={g.dots > 0 ? 'tally__count' : 'tally__count tally__count--zero'}>
                {g.dots}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
