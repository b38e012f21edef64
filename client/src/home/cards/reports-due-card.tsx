import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useFormatDay, useFormatMonth } from '../../i18n/format';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

const OverdueReportsDocument = graphql(`
  query OverdueReports($networkId: ID!) {
    overdueReports(networkId: $networkId) {
      month
      dueDate
      status
      site {
        id
        name
      }
    }
  }
`);

/** The site team's months that are due and not submitted, each a link to its form. */
export function ReportsDueCard({ network }: HomeCardProps) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth('long');
  const formatDay = useFormatDay();
  const [{ data, fetching, error }] = useQuery({
    query: OverdueReportsDocument,
    variables: { networkId: network.id },
    requestPolicy: 'cache-and-network',
  });
  const overdue = data?.overdueReports ?? [];
  const report = `/n/${network.slug}/report`;

  return (
    <Card title={t('home.reportsDue.title')}>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && overdue.length === 0 && <p>{t('home.reportsDue.none')}</p>}
      {overdue.length > 0 && (
        <>
          <p>{t('home.reportsDue.count', { count: overdue.length })}</p>
          <ul className="plain-list">
            {[...overdue].reverse().map((item) => (
              <li key={`${item.site.id}|${item.month}`}>
                <Link to={`${report}?month=${item.month}&site=${item.site.id}`}>
                  {t('home.reportsDue.item', { month: formatMonth(item.month) })}
                </Link>
                <span className="muted small"> · {t('home.reportsDue.due', { due: formatDay(item.dueDate) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={report}>{t('home.reportsDue.open')}</Link>
      </p>
    </Card>
  );
}
