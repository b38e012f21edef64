import { mentionsToText } from '@commons/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useFormatDateTime } from '../../i18n/format';
import { MessageHistoryDocument } from '../documents';
import type { ThreadMessage } from '../thread-state';
import { useThreadContext } from './thread-context';

interface Revision {
  id: string;
  body: string;
  editedAt: string;
}

/** The earlier versions of an edited message, oldest first, each with when an edit replaced it. */
export function EditHistory({ id, message }: { id: string; message: ThreadMessage }) {
  const { t } = useTranslation();
  const client = useClient();
  const formatDateTime = useFormatDateTime();
  const { controller, subjectType, subjectId } = useThreadContext();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    // A reply's history comes with its message's page: ask for the page that ends at that message.
    const parent = message.parentId
      ? controller?.getSnapshot().messages.find((m) => m.id === message.parentId)
      : message;
    let current = true;
    const asked = parent
      ? client
          .query(
            MessageHistoryDocument,
            { subjectType, subjectId, before: (BigInt(parent.seq) + 1n).toString() },
            { requestPolicy: 'network-only' },
          )
          .toPromise()
          .then(({ data }) => {
            const node = data?.thread.messages.nodes.find((n) => n.id === parent.id);
            return node?.id === message.id ? node : node?.replies.find((r) => r.id === message.id);
          })
      : Promise.resolve(undefined);
    void asked.then((found) => {
      if (!current) return;
      if (found) setRevisions(found.revisions);
      else setFailed(true);
    });
    return () => {
      current = false;
    };
  }, [client, controller, subjectType, subjectId, message]);

  return (
    <section id={id} className="edit-history" aria-label={t('threads.history.title')}>
      <h4 className="edit-history__title">{t('threads.history.title')}</h4>
      {failed ? (
        <p className="field__error">{t('threads.history.error')}</p>
      ) : revisions === null ? (
        <p className="muted small">{t('threads.history.loading')}</p>
      ) : revisions.length === 0 ? (
        <p className="muted small">{t('threads.history.none')}</p>
      ) : (
        <ol className="edit-history__list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <p className="edit-history__when small muted">
                {t('threads.history.until', { date: formatDateTime(revision.editedAt) })}
              </p>
              <p className="edit-history__body">{mentionsToText(revision.body)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
