import { useTranslation } from 'react-i18next';
import { toDisplayText } from '../mention-text';
import type { PendingMessage } from '../thread-state';
import { initials } from '../thread-view';
import { useSendErrorText } from './errors';
import { useThreadContext } from './thread-context';

/**
 * A message the member wrote that is not stored yet: shown at once as it was written, saying
 * whether it is being sent, waits for the connection, or failed (why, with Try again).
 */
export function PendingItem({ pending }: { pending: PendingMessage }) {
  const { t } = useTranslation();
  const { controller, people, viewerId } = useThreadContext();
  const errorText = useSendErrorText();
  const name = people.get(viewerId)?.name ?? '';
  return (
    <article
      className={`message message--own message--pending message--${pending.status}`}
      aria-label={t('threads.pending.label')}
    >
      <header className="message__header">
        <span className="message__avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="message__author">{t('threads.message.you', { name })}</span>
      </header>
      <p className="message__body message__body--plain">{toDisplayText(pending.body).text}</p>
      {pending.status === 'failed' ? (
        <div className="message__failure" role="alert">
          <p className="field__error">
            {t('threads.pending.failed')} {pending.error ? errorText(pending.error) : ''}
          </p>
          <div className="button-row">
            <button type="button" className="button button--small" onClick={() => controller?.retry(pending.clientId)}>
              {t('threads.pending.retry')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => controller?.discard(pending.clientId)}
            >
              {t('threads.pending.discard')}
            </button>
          </div>
        </div>
      ) : (
        <p className="message__sending small muted">
          {pending.status === 'waiting' ? t('threads.pending.waiting') : t('threads.pending.sending')}
        </p>
      )}
    </article>
  );
}
