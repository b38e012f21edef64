import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { IdeasTestingAtMySiteQuery } from '../../gql/graphql';
import { useFormatDay } from '../../i18n/format';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';
import { NextDecisionLine } from './next-decision-line';
import './ideas-cards.css';

const IdeasTestingAtMySiteDocument = graphql(`
  query IdeasTestingAtMySite($networkId: ID!) {
    ideasTestingAtMySite(networkId: $networkId) {
      idea {
        id
        title
      }
      nextDecision {
        dueOn
        basis
        overdue
      }
      cycles {
        id
        number
        title
        stage
        act
        startOn
        endOn
      }
    }
  }
`);

type TestingIdea = IdeasTestingAtMySiteQuery['ideasTestingAtMySite'][number];

/** For clinicians and site leads: the change ideas being tested at their site, with that site's PDSA cycles. */
export function TestingAtMySiteCard({ network, actor }: HomeCardProps) {
  const { t } = useTranslation();
  const site = network.sites.find((s) => s.id === actor.siteId);
  const [{ data, fetching, error }] = useQuery({
    query: IdeasTestingAtMySiteDocument,
    variables: { networkId: network.id },
    requestPolicy: 'cache-and-network',
  });
  const ideas = data?.ideasTestingAtMySite ?? [];
  const base = `/n/${network.slug}/ideas`;

  return (
    <Card
      title={site ? t('home.testingAtSite.titleAt', { site: site.name }) : t('home.testingAtSite.title')}
      className="ideas-card"
    >
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && ideas.length === 0 && <p>{t('home.testingAtSite.none')}</p>}
      {ideas.length > 0 && (
        <ul className="idea-list">
          {ideas.map((item) => (
            <TestingIdeaItem key={item.idea.id} item={item} href={`${base}/${item.idea.id}`} />
          ))}
        </ul>
      )}
      <p>
        <Link to={base}>{t('home.testingAtSite.seeAll')}</Link>
      </p>
    </Card>
  );
}

function TestingIdeaItem({ item, href }: { item: TestingIdea; href: string }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  return (
    <li className="idea-list__item">
      <h3 className="idea-list__title">
        <Link to={href}>{item.idea.title}</Link>
      </h3>
      <ul className="cycle-list" aria-label={t('home.testingAtSite.cycles', { title: item.idea.title })}>
        {item.cycles.map((cycle) => (
          <li key={cycle.id}>
            <Link to={`${href}?cycle=${cycle.id}`}>
              {t('home.testingAtSite.cycle', { number: cycle.number, title: cycle.title })}
            </Link>
            <span className="muted small">
              {' · '}
              {cycle.act
                ? t(`home.testingAtSite.act.${cycle.act}`)
                : t('home.testingAtSite.stage', { stage: t(`notifications.pdsaStage.${cycle.stage}`) })}
              {' · '}
              {cycle.endOn
                ? t('home.testingAtSite.dates', { from: formatDay(cycle.startOn), to: formatDay(cycle.endOn) })
                : t('home.testingAtSite.from', { from: formatDay(cycle.startOn) })}
            </span>
          </li>
        ))}
      </ul>
      {item.nextDecision && <NextDecisionLine decision={item.nextDecision} formatDay={formatDay} />}
    </li>
  );
}
