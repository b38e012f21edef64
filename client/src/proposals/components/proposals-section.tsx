import { type ProposalChangedPayload, SERVER_EVENTS } from '@commons/shared';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ProposalFieldsFragment } from '../../gql/graphql';
import { useServerEvent } from '../../realtime/realtime-provider';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PROPOSAL_CONTEXT, ThreadProposalsDocument } from '../documents';
import { keepNewest, withLiveTally } from '../live-tally';
import { ProposalCard } from './proposal-card';

// The form loads when a member opens a proposal.
const ProposalForm = lazy(() => import('./proposal-form').then((module) => ({ default: module.ProposalForm })));
import '../proposals.css';

/**
 * The proposals of a thread, newest first: each with its live tally by voice group, everyone's
 * position, and the viewer's own; a form to open one for those who may. Tallies update as the
 * thread hears `proposal:changed`, then the positions are read again.
 */
export function ProposalsSection({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [opening, setOpening] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [live, setLive] = useState<Map<string, ProposalChangedPayload>>(new Map());
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ThreadProposalsDocument,
    variables: { threadId },
    context: PROPOSAL_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  useServerEvent(SERVER_EVENTS.proposalChanged, (payload) => {
    if (payload.threadId !== threadId) return;
    setLive((current) => keepNewest(current, payload));
    reload();
  });
  const list = data?.proposals;
  const proposals = (list?.nodes ?? []) as ProposalFieldsFragment[];

  return (
    <section className="proposals" aria-labelledby={headingId}>
      <h3 id={headingId} className="proposals__title">
        {t('proposals.title')}
      </h3>
      <StatusMessage>{announcement}</StatusMessage>
      {fetching && !data && <Loading />}
      {error && <QueryError error={error} onRetry={reload} />}
      {list?.viewerCanOpen &&
        (opening ? (
          <Suspense fallback={<Loading />}>
            <ProposalForm
              threadId={threadId}
              onDone={(question) => {
                setOpening(false);
                if (question) {
                  setAnnouncement(t('proposals.opened', { question }));
                  reload();
                }
              }}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setAnnouncement(null);
              setOpening(true);
            }}
          >
            {t('proposals.open')}
          </button>
        ))}
      {list && proposals.length === 0 && <p className="muted">{t('proposals.none')}</p>}
      {proposals.length > 0 && (
        <ul className="proposals__list">
          {proposals.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={withLiveTally(proposal, live.get(proposal.id))} onChanged={reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
