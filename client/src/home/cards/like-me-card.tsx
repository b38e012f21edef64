import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';

const PeopleLikeMeDocument = graphql(`
  query PeopleLikeMe($networkId: ID!) {
    members(networkId: $networkId, first: 3, filter: { likeMe: true }) {
      totalCount
      nodes {
        id
        userId
        name
        role
        sharedInterests
      }
    }
  }
`);

/** Three members who share the viewer's interests, and the way to the rest. */
export function LikeMeCard({ viewer, network }: HomeCardProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: PeopleLikeMeDocument,
    variables: { networkId: network.id },
    pause: viewer.interests.length === 0,
  });
  const base = `/n/${network.slug}/members`;

  return (
    <Card title={t('home.likeMe.title')}>
      {viewer.interests.length === 0 ? (
        <p>
          {t('home.likeMe.noInterests')} <Link to="/profile">{t('home.likeMe.addInterests')}</Link>
        </p>
      ) : (
        <>
          {fetching && !data && <Loading />}
          {error && <QueryError error={error} />}
          {data && data.members.nodes.length === 0 && <p>{t('home.likeMe.none')}</p>}
          {data && data.members.nodes.length > 0 && (
            <ul className="plain-list">
              {data.members.nodes.map((member) => (
                <li key={member.id}>
                  <Link to={`${base}/${member.userId}`}>{member.name}</Link>
                  <span className="muted"> · {t(`roles.${member.role}`)}</span>
                  <br />
                  <span className="small">{t('members.shared', { interests: member.sharedInterests.join(', ') })}</span>
                </li>
              ))}
            </ul>
          )}
          {data && data.members.totalCount > 0 && (
            <p>
              <Link to={`${base}?likeMe=1`}>{t('home.likeMe.seeAll', { count: data.members.totalCount })}</Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}
