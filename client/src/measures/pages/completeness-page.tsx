import { can } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSearchUpdate } from '../../app/hooks/use-search-update';
import { graphql } from '../../gql';
import { useFormatMonth } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { SelectField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { CompletenessCell, CompletenessLegend } from '../components/completeness-cell';
import '../measures.css';

const CompletenessDocument = graphql(`
  query Completeness($networkId: ID!, $months: Int!) {
    completeness(networkId: $networkId, months: $months) {
      measureCount
      months
      rows {
        site {
          id
          name
        }
        cells {
          month
          status
          submitted
          drafts
        }
      }
    }
  }
`);

const MONTH_CHOICES = [6, 12, 24] as const;

/** Which site has reported which month: all sites for network admins, the member's own site for everyone else. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const formatMonth = useFormatMonth('long');
  const formatShort = useFormatMonth('short');
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const requested = Number(searchParams.get('months'));
  const months = (MONTH_CHOICES as readonly number[]).includes(requested) ? requested : 12;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CompletenessDocument,
    variables: { networkId: network.id, months },
    requestPolicy: 'cache-and-network',
  });
  const grid = data?.completeness;
  const all = can(actor, 'completeness.viewAll');

  return (
    <>
      <PageHeading>{t('completeness.title')}</PageHeading>
      <p className="lead">{all ? t('completeness.introAll') : t('completeness.introOwn')}</p>
      <div className="completeness-toolbar">
        <SelectField
          label={t('completeness.months')}
          value={String(months)}
          onChange={(e) =>
            updateSearch((next) => {
              if (e.target.value === '12') next.delete('months');
              else next.set('months', e.target.value);
              return next;
            })
          }
          options={MONTH_CHOICES.map((value) => ({
            value: String(value),
            label: t('completeness.lastMonths', { count: value }),
          }))}
          className="field--inline"
        />
        <CompletenessLegend />
      </div>
      {!grid && fetching && <Loading />}
      {error && !grid && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {grid && grid.rows.length === 0 && <p className="panel">{t('completeness.noSite')}</p>}
      {grid && grid.rows.length > 0 && (
        <div className="table-scroll completeness" role="region" aria-label={t('completeness.caption')} tabIndex={0}>
          <table className="completeness__table">
            <caption className="visually-hidden">{t('completeness.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="completeness__site">
                  {t('completeness.site')}
                </th>
                {grid.months.map((month) => {
                  const [name, year] = formatShort(month).split(/\s+(?=\d{4}$)/);
                  return (
                    <th scope="col" key={month} className="completeness__month">
                      <abbr title={formatMonth(month)}>
                        {name}
                        <br />
                        <span className="small">{year}</span>
                      </abbr>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => {
                const report = can(actor, 'measure.report', { siteId: row.site.id });
                return (
                  <tr key={row.site.id}>
                    <th scope="row" className="completeness__site">
                      {row.site.name}
                    </th>
                    {row.cells.map((cell) => (
                      <CompletenessCell
                        key={cell.month}
                        status={cell.status}
                        submitted={cell.submitted}
                        drafts={cell.drafts}
                        measureCount={grid.measureCount}
                        label={`${row.site.name}, ${formatMonth(cell.month)}`}
                        href={report ? `/n/${network.slug}/report?month=${cell.month}&site=${row.site.id}` : undefined}
                      />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
