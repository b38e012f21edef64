import { newestResources } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ResourceCard } from '../../commons/components/resource-card';
import { CommonsSearchDocument, RESOURCE_CONTEXT } from '../../commons/documents';
import '../../commons/commons.css';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

/** What is new in the commons, and the way in to search it or share something. */
export function CommonsCard({ network }: HomeCardProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: CommonsSearchDocument,
    variables: newestResources(network.id),
    context: RESOURCE_CONTEXT,
  });
  const hits = data?.search.nodes ?? [];
  return (
    <Card title={t('home.commons.title')}>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && hits.length === 0 && <p>{t('home.commons.none')}</p>}
      {hits.length > 0 && (
        <ul className="resource-list resource-list--compact">
          {hits.map((hit) =>
            hit.resource ? <ResourceCard key={hit.id} resource={hit.resource} networkSlug={network.slug} /> : null,
          )}
        </ul>
      )}
      <p className="button-row">
        <Link to={`/n/${network.slug}/commons`}>{t('home.commons.search')}</Link>
        <Link to={`/n/${network.slug}/commons/new`}>{t('home.commons.share')}</Link>
      </p>
    </Card>
  );
}
