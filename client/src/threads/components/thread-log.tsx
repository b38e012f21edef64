import { type Seq } from '@commons/shared';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { flattenPage, THREAD_PAGE_SIZE, ThreadEarlierDocument } from '../documents';
import { useMarkSeen } from '../hooks/use-mark-seen';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import type { ThreadSnapshot } from '../thread-controller';
import { firstUnreadId, newestSeq } from '../thread-state';
import { type ThreadItem, threadItems, visibleReplies } from '../thread-view';
import { Composer } from './composer';
import { MessageItem, messageDomId } from './message-item';
import { PendingItem } from './pending-item';
import { useThreadContext } from './thread-context';

interface Page {
  hasMore: boolean;
  beforeCursor: string | null;
}

/**
 * The messages, oldest at the top, in a scrolling log: earlier pages on request, a "New messages"
 * line where the member stopped reading, replies under their message. Screen readers hear new
 * messages of others from the panel's announcer, so loading history or sending is not read out.
 */
export function ThreadLog({
  snapshot,
  initialPage,
  labelledBy,
}: {
  snapshot: ThreadSnapshot;
  initialPage: Page;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { controller, viewerId, subjectType, subjectId } = useThreadContext();
  const list = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState<Page & { loading: boolean; failed: boolean }>({
    ...initialPage,
    loading: false,
    failed: false,
  });
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const dividerSeq = useDividerSeq(snapshot, viewerId);

  const { items, pendingTop } = useMemo(
    () => threadItems(snapshot.messages, snapshot.pending),
    [snapshot.messages, snapshot.pending],
  );
  const dividerBefore = dividerSeq === null ? null : firstUnreadId(snapshot.messages, dividerSeq, viewerId);
  const newest = newestSeq(snapshot.messages);

  const markSeen = useCallback(() => controller?.markSeen(), [controller]);
  useMarkSeen(list, markSeen, newest);
  const { newBelow, scrollToNewest } = useStickToBottom(
    list,
    items[0]?.message.id ?? null,
    `${snapshot.messages.at(-1)?.id}:${snapshot.pending.length}`,
  );

  // Opened: at the "New messages" line when there is one, otherwise at the newest message.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const divider = element.querySelector('.thread-divider');
    if (divider) element.scrollTop += divider.getBoundingClientRect().top - element.getBoundingClientRect().top - 8;
    else element.scrollTop = element.scrollHeight;
  }, []);

  // A message the member sends at the end of the thread is where she looks next.
  const lastPending = snapshot.pending.at(-1);
  const lastPendingId = lastPending && lastPending.parentId === null ? lastPending.clientId : null;
  useEffect(() => {
    if (lastPendingId) scrollToNewest();
  }, [lastPendingId, scrollToNewest]);

  const loadEarlier = async () => {
    if (!page.beforeCursor || !controller) return;
    setPage((p) => ({ ...p, loading: true, failed: false }));
    const { data } = await client
      .query(
        ThreadEarlierDocument,
        { subjectType, subjectId, before: page.beforeCursor, last: THREAD_PAGE_SIZE },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!data) {
      setPage((p) => ({ ...p, loading: false, failed: true }));
      return;
    }
    controller.addHistory(flattenPage(data.thread.messages.nodes));
    setPage({
      hasMore: data.thread.messages.hasMore,
      beforeCursor: data.thread.messages.beforeCursor,
      loading: false,
      failed: false,
    });
  };

  return (
    <div className="thread-log-frame">
      {/* A log by its role; spoken announcements come from the panel's own live region instead. */}
      <div ref={list} className="thread-log" role="log" aria-live="off" aria-labelledby={labelledBy} tabIndex={0}>
        {page.hasMore && (
          <p className="thread-log__earlier">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void loadEarlier()}
              disabled={page.loading || !controller}
            >
              {page.loading ? t('threads.loadingEarlier') : t('threads.loadEarlier')}
            </button>
            {page.failed && <span className="field__error"> {t('threads.earlierError')}</span>}
          </p>
        )}
        {items.length === 0 && pendingTop.length === 0 ? (
          <p className="thread-log__empty muted">{t('threads.empty')}</p>
        ) : (
          <ol className="thread-messages">
            {items.map((item) => (
              <li key={item.message.id} className="thread-messages__item">
                {dividerBefore === item.message.id && <NewMessagesDivider />}
                <MessageItem
                  message={item.message}
                  orphan={item.orphan}
                  onReply={item.orphan || item.message.deleted ? undefined : () => setReplyingTo(item.message.id)}
                />
                <Replies item={item} dividerBefore={dividerBefore} onReply={() => setReplyingTo(item.message.id)} />
                {replyingTo === item.message.id && (
                  <div className="thread-reply-composer">
                    <Composer
                      parent={item.message}
                      onClose={() => {
                        setReplyingTo(null);
                        document.getElementById(messageDomId(item.message.id))?.focus();
                      }}
                    />
                  </div>
                )}
              </li>
            ))}
            {pendingTop.map((p) => (
              <li key={p.clientId} className="thread-messages__item">
                <PendingItem pending={p} />
              </li>
            ))}
          </ol>
        )}
      </div>
      {newBelow && (
        <button type="button" className="button button--small thread-log__new-below" onClick={scrollToNewest}>
          {t('threads.newBelow')}
        </button>
      )}
    </div>
  );
}

function NewMessagesDivider() {
  const { t } = useTranslation();
  return (
    <p className="thread-divider">
      <span>{t('threads.newMessages')}</span>
    </p>
  );
}

function Replies({
  item,
  dividerBefore,
  onReply,
}: {
  item: ThreadItem;
  dividerBefore: string | null;
  onReply: () => void;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const dividerInside = item.replies.findIndex((r) => r.id === dividerBefore);
  // Unread replies are never folded away.
  const { shown, folded } = visibleReplies(
    item.replies,
    expanded || (dividerInside !== -1 && dividerInside < item.replies.length - 2),
  );
  if (item.replies.length === 0 && item.pendingReplies.length === 0) return null;
  return (
    <div className="thread-replies">
      {folded > 0 && (
        <button
          type="button"
          className="link-button thread-replies__toggle"
          aria-expanded={false}
          onClick={() => setExpanded(true)}
        >
          {t('threads.message.showReplies', { count: folded })}
        </button>
      )}
      {expanded && item.replies.length > 3 && (
        <button
          type="button"
          className="link-button thread-replies__toggle"
          aria-expanded={true}
          onClick={() => setExpanded(false)}
        >
          {t('threads.message.hideReplies')}
        </button>
      )}
      <ol
        className="thread-replies__list"
        aria-label={t('threads.message.repliesTo', { name: item.message.author.name })}
      >
        {shown.map((reply) => (
          <li key={reply.id}>
            {dividerBefore === reply.id && <NewMessagesDivider />}
            <MessageItem message={reply} onReply={item.message.deleted ? undefined : onReply} />
          </li>
        ))}
        {item.pendingReplies.map((p) => (
          <li key={p.clientId}>
            <PendingItem pending={p} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Where "New messages" goes: after what the member had read when she opened the thread, or when
 * she last went away from the tab. While she watches, messages arriving are not "new".
 */
function useDividerSeq(snapshot: ThreadSnapshot, viewerId: string): Seq | null {
  const [seq, setSeq] = useState<Seq | null>(() =>
    firstUnreadId(snapshot.messages, snapshot.lastReadSeq, viewerId) ? snapshot.lastReadSeq : null,
  );
  const readSeq = useRef(snapshot.lastReadSeq);
  useLayoutEffect(() => {
    readSeq.current = snapshot.lastReadSeq;
  });
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') setSeq(readSeq.current);
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => document.removeEventListener('visibilitychange', onHidden);
  }, []);
  return seq;
}
