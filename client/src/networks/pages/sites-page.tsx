import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { useNetwork } from '../network-context';

const NetworkSitesDocument = graphql(`
  query NetworkSites($slug: String!) {
    network(slug: $slug) {
      id
      sites {
        id
        name
        city
        memberCount
      }
    }
  }
`);

/** The care centres of the network, each with the way to its people. */
export function SitesPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NetworkSitesDocument,
    variables: { slug: network.slug },
  });
  const sites = data?.network.sites;

  return (
    <>
      <PageHeading>{t('sites.title')}</PageHeading>
      <p className="lead">{t('sites.intro', { network: network.name, count: network.sites.length })}</p>
      {!sites && fetching && <Loading />}
      {!sites && error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {sites && (
        <ul className="site-grid">
          {sites.map((site) => (
            <li key={site.id} className="card">
              <h2 className="card__title">{site.name}</h2>
              <p className="muted">{site.city}</p>
              <p>
                <Link
                  to={`/n/${network.slug}/members?site=${encodeURIComponent(site.id)}`}
                  aria-label={t('sites.membersOfLabel', { count: site.memberCount, site: site.name })}
                >
                  {t('sites.members', { count: site.memberCount })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
