import { THREAD_LIMITS } from '@commons/shared';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanMarkdownHtml } from '../../commons/safe-html';
import { useFormatDateTime, useLocale } from '../../i18n/format';
import { toDisplayText, toWireBody } from '../mention-text';
import type { SendError, ThreadMessage } from '../thread-state';
import { initials } from '../thread-view';
import { AuthorBadge } from './author-badge';
import { EditHistory } from './edit-history';
import { useSendErrorText } from './errors';
import { ReactionList, ReactionPicker } from './reactions';
import { useThreadContext } from './thread-context';
import { dateTimeFormat } from '../../i18n/intl-cache';

function useFormatTime(): (iso: string) => string {
  const locale = useLocale();
  return (iso: string) => dateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** The id of a message's element, to bring focus back to it. */
export const messageDomId = (messageId: string) => `message-${messageId}`;

/** One message: who wrote it and when, its text (or that it was deleted), its reactions and what the member may do with it. */
export function MessageItem({
  message,
  orphan = false,
  onReply,
}: {
  message: ThreadMessage;
  orphan?: boolean;
  onReply?: () => void;
}) {
  const { t } = useTranslation();
  const { controller, viewerId, canPost, canModerate } = useThreadContext();
  const formatDateTime = useFormatDateTime();
  const formatTime = useFormatTime();
  const errorText = useSendErrorText();
  const [mode, setMode] = useState<'read' | 'edit' | 'confirm-delete'>('read');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [error, setError] = useState<SendError | null>(null);
  const [busy, setBusy] = useState(false);
  const actionsRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const historyId = useId();
  const own = message.author.userId === viewerId;
  const author = message.author.name;
  const canEdit = own && canPost && !message.deleted && controller !== null;
  const canDelete = (own ? canPost : canModerate) && !message.deleted && controller !== null;

  const remove = async () => {
    if (!controller) return;
    setBusy(true);
    const failed = await controller.remove(message.id);
    setBusy(false);
    setError(failed);
    setMode('read');
    // The actions went with the text: keep the member's place on the message.
    articleRef.current?.focus();
  };

  return (
    <article
      ref={articleRef}
      id={messageDomId(message.id)}
      tabIndex={-1}
      className={`message${own ? ' message--own' : ''}${message.deleted ? ' message--deleted' : ''}`}
      aria-label={t('threads.message.label', { name: author, time: formatDateTime(message.createdAt) })}
    >
      <header className="message__header">
        <span className="message__avatar" aria-hidden="true">
          {initials(author)}
        </span>
        <span className="message__author">{own ? t('threads.message.you', { name: author }) : author}</span>
        <AuthorBadge userId={message.author.userId} />
        <time className="message__time" dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
          {formatTime(message.createdAt)}
        </time>
        {message.editedAt && !message.deleted && (
          <button
            type="button"
            className="link-button message__edited"
            aria-label={t('threads.message.editedLabel')}
            aria-expanded={historyOpen}
            aria-controls={historyOpen ? historyId : undefined}
            onClick={() => setHistoryOpen((open) => !open)}
          >
            {t('threads.message.edited')}
          </button>
        )}
      </header>
      {orphan && <p className="message__context muted small">{t('threads.replyToEarlier')}</p>}
      {message.deleted ? (
        <p className="message__tombstone">{t('threads.message.deleted')}</p>
      ) : mode === 'edit' ? (
        <EditForm
          message={message}
          onDone={(failed) => {
            setError(failed);
            setMode('read');
            actionsRef.current?.querySelector<HTMLButtonElement>('.message__edit')?.focus();
          }}
        />
      ) : (
        // bodyHtml is rendered from Markdown and sanitised by the server, and cleaned again here.
        <div
          className="markdown message__body"
          dangerouslySetInnerHTML={{ __html: cleanMarkdownHtml(message.bodyHtml) }}
        />
      )}
      {historyOpen && !message.deleted && <EditHistory id={historyId} message={message} />}
      {!message.deleted && <ReactionList message={message} onError={setError} />}
      {mode === 'confirm-delete' && (
        <div className="message__confirm" role="group" aria-label={t('threads.message.confirmDeleteLabel')}>
          <p>{t('threads.message.confirmDelete')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => void remove()}
              disabled={busy}
            >
              {t('threads.message.confirmDeleteYes')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setMode('read')}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the confirmation opens on the member's own "Delete"; focus lands on the safe answer, as in a dialog
              autoFocus
            >
              {t('threads.message.confirmDeleteNo')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {errorText(error)}
        </p>
      )}
      {mode === 'read' && !message.deleted && (onReply || canPost || canDelete) && (
        <div className="message__actions" ref={actionsRef}>
          {onReply && canPost && (
            <button
              type="button"
              className="link-button"
              aria-label={t('threads.message.replyTo', { name: author })}
              onClick={onReply}
            >
              {t('threads.message.reply')}
            </button>
          )}
          {canPost && <ReactionPicker message={message} onError={setError} />}
          {canEdit && (
            <button type="button" className="link-button message__edit" onClick={() => setMode('edit')}>
              {t('threads.message.edit')}
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              className="link-button link-button--danger"
              aria-label={t('threads.message.deleteOf', { name: author })}
              onClick={() => setMode('confirm-delete')}
            >
              {t('threads.message.delete')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** The member's own message in a box to change it; Escape or Cancel keeps it as it was. */
function EditForm({ message, onDone }: { message: ThreadMessage; onDone: (failed: SendError | null) => void }) {
  const { t } = useTranslation();
  const { controller } = useThreadContext();
  const id = useId();
  const [initial] = useState(() => toDisplayText(message.body));
  const [text, setText] = useState(initial.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!controller) return;
    const body = toWireBody(text, initial.mentions);
    if (!body.trim()) return setProblem(t('threads.composer.empty'));
    if (body.length > THREAD_LIMITS.bodyMax)
      return setProblem(t('threads.composer.tooLong', { max: THREAD_LIMITS.bodyMax }));
    if (body === message.body) return onDone(null);
    setSaving(true);
    const failed = await controller.edit(message.id, body);
    setSaving(false);
    onDone(failed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone(null);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form className="message__edit-form" onSubmit={(event) => void save(event)}>
      <label htmlFor={id} className="field__label">
        {t('threads.message.editLabel')}
      </label>
      <textarea
        id={id}
        className="field__control thread-textarea"
        value={text}
        rows={3}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the edit box opens on the member's own "Edit": focus goes where she asked, as in a dialog
        autoFocus
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('threads.message.editHint')}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={saving}>
          {saving ? t('threads.message.saving') : t('threads.message.save')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
