import { SERVER_EVENTS } from '@commons/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DecisionAnswer } from '../../change-ideas/components/decision-answer';
import { DECISION_CONTEXT, DecisionsAwaitingMeDocument } from '../../change-ideas/decision-documents';
import type { DecisionsAwaitingMeQuery } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { useServerEvent } from '../../realtime/realtime-provider';
import { Card } from '../../ui/card';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import type { HomeCardProps } from '../card-registry';
import './ideas-cards.css';

type Waiting = DecisionsAwaitingMeQuery['decisionsAwaitingMe'][number];

/** Notices after which the list may have changed: a decision asked for her, declined, or taken. */
const DECISION_KINDS = new Set(['DECISION_AWAITING_CONFIRMATION', 'DECISION_DECLINED', 'IDEA_DECISION']);

/**
 * Decisions on change ideas that wait for the viewer to confirm or decline, the soonest to
 * expire first: the move, what and why, who has confirmed, and her answer right here. A decision
 * takes effect only once the people it needs confirmed themselves, so this is where she takes part.
 */
export function DecisionsWaitingCard({ network, viewer }: HomeCardProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DecisionsAwaitingMeDocument,
    variables: { networkId: network.id },
    context: DECISION_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // A decision named her (or one she was asked about ended) while the page is open.
  useServerEvent(SERVER_EVENTS.notificationNew, ({ kind, networkId }) => {
    if (networkId === network.id && DECISION_KINDS.has(kind)) reload();
  });
  // Someone else named in a decision answered it: who has confirmed so far changes.
  useServerEvent(SERVER_EVENTS.decisionChanged, ({ networkId }) => {
    if (networkId === network.id) reload();
  });
  const waiting = data?.decisionsAwaitingMe ?? [];

  return (
    <Card title={t('home.decisions.title')} className="card--wide ideas-card" anchor="decisions-waiting">
      <StatusMessage>{announcement}</StatusMessage>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} onRetry={reload} />}
      {data && waiting.length === 0 && <p>{t('home.decisions.none')}</p>}
      {waiting.length > 0 && (
        <ul className="idea-list">
          {waiting.map((decision) => (
            <WaitingDecision
              key={decision.id}
              decision={decision}
              viewerId={viewer.id}
              href={`/n/${network.slug}/ideas/${decision.idea.id}`}
              onAnswered={(text) => {
                setAnnouncement(text);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function WaitingDecision({
  decision,
  viewerId,
  href,
  onAnswered,
}: {
  decision: Waiting;
  viewerId: string;
  href: string;
  onAnswered: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const formatDateTime = useFormatDateTime();
  const status = (s: Waiting['toStatus']) => t(`ideas.status.${s}`);
  const confirmed = decision.participants.filter((p) => p.answer === 'CONFIRMED' && p.member.userId !== viewerId);
  const waitingOn = decision.participants.filter((p) => p.answer === 'WAITING' && p.member.userId !== viewerId);
  return (
    <li className="idea-list__item waiting-decision">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="idea-list__title">
          <Link to={`${href}#pending-decision`}>{decision.idea.title}</Link>
        </h3>
        <p className="idea-list__facts">
          {t('home.decisions.move', {
            name: decision.decidedBy.name,
            from: status(decision.fromStatus),
            to: status(decision.toStatus),
          })}
        </p>
        <p className="prose">{decision.decision}</p>
        <p className="idea-list__quiet">
          {confirmed.length > 0
            ? t('home.decisions.confirmed', { names: confirmed.map((p) => p.member.name).join(', ') })
            : t('home.decisions.noneYet')}
          {waitingOn.length > 0 &&
            ` ${t('home.decisions.alsoWaiting', { names: waitingOn.map((p) => p.member.name).join(', ') })}`}
        </p>
        {decision.expiresAt && (
          <p className="idea-list__quiet">
            {t('home.decisions.until')} <time dateTime={decision.expiresAt}>{formatDateTime(decision.expiresAt)}</time>
          </p>
        )}
        <DecisionAnswer
          decisionId={decision.id}
          label={t('home.decisions.answerLabel', { title: decision.idea.title })}
          onAnswered={(answer, now) =>
            onAnswered(
              answer === 'DECLINED'
                ? t('home.decisions.declined', { title: decision.idea.title })
                : now === 'TAKEN'
                  ? t('home.decisions.taken', { title: decision.idea.title, status: status(decision.toStatus) })
                  : t('home.decisions.confirmedByYou', { title: decision.idea.title }),
            )
          }
          onClosed={() => onAnswered(t('home.decisions.closed', { title: decision.idea.title }))}
        />
      </article>
    </li>
  );
}
