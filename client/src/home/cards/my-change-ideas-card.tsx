import { HOME_CARD_LIST_SIZE } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MyChangeIdeasQuery } from '../../gql/graphql';
import { useFormatDay } from '../../i18n/format';
import { Card } from '../../ui/card';
import { Loading, QueryError } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';
import { NextDecisionLine } from './next-decision-line';
import './ideas-cards.css';

const MyChangeIdeasDocument = graphql(`
  query MyChangeIdeas($networkId: ID!, $first: Int!) {
    myChangeIdeas(networkId: $networkId, first: $first) {
      proposed
      coDesigning
      endorsed
      unreadMessages
      idea {
        id
        title
        status
      }
      nextDecision {
        dueOn
        basis
        overdue
      }
    }
  }
`);

type MyIdea = MyChangeIdeasQuery['myChangeIdeas'][number];

/**
 * For patient and family partners: the change ideas they proposed, co-design or support, with
 * new messages in each one's discussion and when the next decision is due.
 */
export function MyChangeIdeasCard({ network }: HomeCardProps) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: MyChangeIdeasDocument,
    variables: { networkId: network.id, first: HOME_CARD_LIST_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const ideas = data?.myChangeIdeas ?? [];
  const base = `/n/${network.slug}/ideas`;

  return (
    <Card title={t('home.myIdeas.title')} className="card--wide ideas-card">
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} />}
      {data && ideas.length === 0 && <p>{t('home.myIdeas.none')}</p>}
      {ideas.length > 0 && (
        <ul className="idea-list">
          {ideas.map((item) => (
            <MyIdeaItem key={item.idea.id} item={item} href={`${base}/${item.idea.id}`} />
          ))}
        </ul>
      )}
      <p>
        <Link to={base}>{t('home.myIdeas.seeAll')}</Link>
      </p>
    </Card>
  );
}

function MyIdeaItem({ item, href }: { item: MyIdea; href: string }) {
  const { t } = useTranslation();
  const formatDay = useFormatDay();
  const part = item.proposed ? 'proposed' : item.coDesigning ? 'coDesigning' : 'endorsed';
  return (
    <li className="idea-list__item">
      <h3 className="idea-list__title">
        <Link to={href}>{item.idea.title}</Link>
      </h3>
      <p className="idea-list__facts">
        <span className="badge">{t(`home.ideaStatus.${item.idea.status}`)}</span>{' '}
        <span>{t(`home.myIdeas.part.${part}`)}</span>
      </p>
      <p className={item.unreadMessages > 0 ? 'idea-list__unread' : 'idea-list__quiet'}>
        {item.unreadMessages > 0
          ? t('home.myIdeas.unread', { count: item.unreadMessages })
          : t('home.myIdeas.noUnread')}
      </p>
      {item.nextDecision && <NextDecisionLine decision={item.nextDecision} formatDay={formatDay} />}
    </li>
  );
}
