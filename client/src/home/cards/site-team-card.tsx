import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

const SiteTeamDocument = graphql(`
  query SiteTeam($networkId: ID!, $siteId: ID!) {
    members(networkId: $networkId, first: 8, filter: { siteId: $siteId }) {
      totalCount
      nodes {
        id
        userId
        name
        role
      }
    }
  }
`);

/** The people of the site lead's own site. */
export function SiteTeamCard({ network, actor }: HomeCardProps) {
  const { t } = useTranslation();
  const siteId = actor.siteId ?? '';
  const site = network.sites.find((s) => s.id === siteId);
  const [{ data, fetching, error }] = useQuery({
    query: SiteTeamDocument,
    variables: { networkId: network.id, siteId },
    pause: !siteId,
  });
  const directory = `/n/${network.slug}/members`;

  if (!site) {
    return (
      <Card title={t('home.siteTeam.title')}>
        <p>{t('home.siteTeam.noSite')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('home.siteTeam.titleAt', { site: site.name })}>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && (
        <ul className="plain-list">
          {data.members.nodes.map((member) => (
            <li key={member.id}>
              <Link to={`${directory}/${member.userId}`}>{member.name}</Link>
              <span className="muted"> · {t(`roles.${member.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <p>
          <Link to={`${directory}?site=${encodeURIComponent(site.id)}`}>
            {t('home.siteTeam.seeAll', { count: data.members.totalCount })}
          </Link>
        </p>
      )}
    </Card>
  );
}
