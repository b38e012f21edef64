import type { ThreadSubjectType } from '@commons/shared';
import { type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSignedInViewer } from '../../auth/viewer';
import type { ThreadPanelQuery } from '../../gql/graphql';
import { useRealtime } from '../../realtime/realtime-provider';
import { Loading, QueryError } from '../../ui/feedback';
import { flattenPage, THREAD_PAGE_SIZE, ThreadPanelDocument } from '../documents';
import { useLiveThread } from '../hooks/use-live-thread';
import { usePeople } from '../hooks/use-people';
import type { Arrival } from '../thread-controller';
import { spokenText } from '../thread-view';
import { Composer } from './composer';
import { ConnectionStatus } from './connection-status';
import { PresenceBar } from './presence-bar';
import { ThreadContext, type ThreadContextValue } from './thread-context';
import { ThreadLog } from './thread-log';
import { TypingIndicator } from './typing-indicator';
import '../threads.css';

export interface ThreadPanelProps {
  subjectType: ThreadSubjectType;
  subjectId: string;
  /** The panel's heading; "Discussion" when not given. */
  title?: string;
  /** The heading level that fits the page (2 by default). */
  headingLevel?: 2 | 3;
  /** What the subject's capability shows in its thread above the messages (a change idea's proposals), given the thread's id. */
  renderAbove?: (threadId: string) => ReactNode;
}

/**
 * The live discussion of a change idea, resource, working group or site: its history (loaded
 * over GraphQL), kept current over the tab's live connection, with who is here, who is typing,
 * replies, mentions, reactions, edits and deletions, and the member's unread messages.
 */
export function ThreadPanel({ subjectType, subjectId, title, headingLevel = 2, renderAbove }: ThreadPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ThreadPanelDocument,
    variables: { subjectType, subjectId, last: THREAD_PAGE_SIZE },
    requestPolicy: 'network-only',
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const thread = data?.thread;

  let body;
  if (thread) {
    body = (
      <>
        {renderAbove?.(thread.id)}
        <LiveThread
          key={thread.id}
          thread={thread}
          subjectType={subjectType}
          subjectId={subjectId}
          headingId={headingId}
        />
      </>
    );
  } else if (error) {
    body = (
      <>
        <p>{t('threads.loadError')}</p>
        <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    );
  } else if (fetching) {
    body = <Loading label={t('threads.loading')} />;
  }

  return (
    <section
      className="panel thread-panel"
      aria-labelledby={headingId}
      data-thread-subject={subjectType}
      data-thread-subject-id={subjectId}
    >
      <Heading id={headingId} className="thread-panel__title">
        {title ?? t('threads.title')}
      </Heading>
      {body}
    </section>
  );
}

type LoadedThreadData = ThreadPanelQuery['thread'];

function LiveThread({
  thread,
  subjectType,
  subjectId,
  headingId,
}: {
  thread: LoadedThreadData;
  subjectType: ThreadSubjectType;
  subjectId: string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const viewer = useSignedInViewer();
  const connection = useRealtime();
  const [announcements, setAnnouncements] = useState<{ id: number; text: string }[]>([]);
  const announceId = useRef(0);

  const loaded = useMemo(
    () => ({
      id: thread.id,
      messages: flattenPage(thread.messages.nodes),
      lastReadSeq: thread.lastReadSeq,
      unread: thread.unreadCount,
    }),
    [thread],
  );

  const onArrival = useCallback(
    (arrival: Arrival) => {
      const text = arrival.caughtUp
        ? t('threads.announce.caughtUp', { count: arrival.messages.length })
        : arrival.messages
            .map((m) =>
              t(m.parentId ? 'threads.announce.reply' : 'threads.announce.message', {
                name: m.author.name,
                text: spokenText(m.bodyHtml),
              }),
            )
            .join(' ');
      announceId.current += 1;
      const entry = { id: announceId.current, text };
      // A few at a time: the region is read as it grows, and the oldest lines need not stay.
      setAnnouncements((current) => [...current.slice(-2), entry]);
    },
    [t],
  );

  const { controller, snapshot } = useLiveThread(loaded, connection, viewer.id, onArrival);

  const known = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of snapshot.messages) names.set(m.author.userId, m.author.name);
    for (const p of snapshot.presence) if (p.name) names.set(p.userId, p.name);
    names.set(viewer.id, viewer.name);
    return names;
  }, [snapshot.messages, snapshot.presence, viewer.id, viewer.name]);
  const wanted = useMemo(
    () => [...new Set(snapshot.messages.flatMap((m) => [m.author.userId, ...m.reactions.flatMap((r) => r.userIds)]))],
    [snapshot.messages],
  );
  const people = usePeople(thread.networkId, known, wanted);

  const context = useMemo<ThreadContextValue>(
    () => ({
      controller,
      subjectType,
      subjectId,
      networkId: thread.networkId,
      viewerId: viewer.id,
      canPost: thread.viewerCanPost && !snapshot.revoked,
      canModerate: thread.viewerCanModerate,
      people,
    }),
    [
      controller,
      subjectType,
      subjectId,
      thread.networkId,
      thread.viewerCanPost,
      thread.viewerCanModerate,
      viewer.id,
      people,
      snapshot.revoked,
    ],
  );

  return (
    <ThreadContext.Provider value={context}>
      <div className="thread-panel__bar">
        <PresenceBar members={snapshot.presence} />
        {snapshot.unread > 0 && (
          <span className="badge thread-panel__unread">{t('threads.unread', { count: snapshot.unread })}</span>
        )}
      </div>
      <ConnectionStatus live={snapshot.live} syncing={snapshot.syncing} />
      {snapshot.revoked ? (
        <p className="notice notice--error">{t('threads.revoked')}</p>
      ) : (
        <>
          <ThreadLog snapshot={snapshot} initialPage={thread.messages} labelledBy={headingId} />
          <TypingIndicator typing={snapshot.typing} />
          {context.canPost ? <Composer /> : <p className="muted">{t('threads.cannotPost')}</p>}
        </>
      )}
      <div role="log" className="visually-hidden" aria-label={t('threads.announcer')}>
        {announcements.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
    </ThreadContext.Provider>
  );
}
