import { HOME_CARD_LIST_SIZE } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  SITE_REQUEST_CONTEXT,
  SITE_REQUESTS_ANCHOR,
  SiteRequestsDocument,
} from '../../members/components/site-request-list';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

/** Requests to join a site that wait for the viewer's answer (a site lead's own site; every site for admins). */
export function SiteRequestsCard({ network }: HomeCardProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: SiteRequestsDocument,
    variables: { networkId: network.id, first: HOME_CARD_LIST_SIZE },
    context: SITE_REQUEST_CONTEXT,
  });
  const list = data?.siteRequests;

  return (
    <Card title={t('home.siteRequests.title')}>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {list && list.totalCount === 0 && <p>{t('home.siteRequests.none')}</p>}
      {list && list.totalCount > 0 && (
        <>
          <p className="big-number">
            <span className="big-number__value">{list.totalCount}</span>{' '}
            <span>{t('home.siteRequests.count', { count: list.totalCount })}</span>
          </p>
          <ul className="plain-list">
            {list.nodes.map((request) => (
              <li key={request.id}>
                {t('home.siteRequests.item', { name: request.member.name, site: request.siteName })}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/n/${network.slug}/invitations#${SITE_REQUESTS_ANCHOR}`}>{t('home.siteRequests.review')}</Link>
          </p>
        </>
      )}
    </Card>
  );
}
