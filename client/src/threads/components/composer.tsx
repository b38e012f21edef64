import { THREAD_LIMITS } from '@commons/shared';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MentionCandidatesDocument } from '../documents';
import { insertMention, type MentionQuery, mentionQueryAt, type PickedMention, toWireBody } from '../mention-text';
import type { ThreadMessage } from '../thread-state';
import { useThreadContext } from './thread-context';

/**
 * Where the member writes: a labelled box where Enter sends and Shift+Enter starts a new line
 * (the hint under it says so), "@" and a name offers members of the network to mention, and
 * others see that she is typing. Given `parent`, it writes a reply to that message.
 */
export function Composer({ parent, onClose }: { parent?: ThreadMessage; onClose?: () => void }) {
  const { t } = useTranslation();
  const { controller, networkId, viewerId } = useThreadContext();
  const id = useId();
  const listId = `${id}-mentions`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<PickedMention[]>([]);
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const searching = query !== null && query.query.trim().length > 0;
  const [{ data, fetching }] = useQuery({
    query: MentionCandidatesDocument,
    variables: { networkId, search: query?.query.trim() ?? '' },
    pause: !searching,
  });
  const candidates = searching ? (data?.members.nodes ?? []).filter((m) => m.userId !== viewerId) : [];
  const listOpen = candidates.length > 0;
  const activeIndex = Math.min(active, Math.max(candidates.length - 1, 0));

  const followCaret = (value: string, caret: number) => {
    const next = mentionQueryAt(value, caret);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  };

  const pick = (candidate: { userId: string; name: string }) => {
    const element = textarea.current;
    if (!element || !query) return;
    const inserted = insertMention(text, query.start, element.selectionStart, candidate.name);
    setText(inserted.text);
    setMentions((current) => [
      ...current.filter((m) => m.userId !== candidate.userId),
      { userId: candidate.userId, name: candidate.name },
    ]);
    setQuery(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(inserted.caret, inserted.caret);
    });
  };

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!controller) return;
    const body = toWireBody(text, mentions).trim();
    if (!body) return setProblem(t('threads.composer.empty'));
    if (body.length > THREAD_LIMITS.bodyMax)
      return setProblem(t('threads.composer.tooLong', { max: THREAD_LIMITS.bodyMax }));
    controller.send(body, parent?.id ?? null);
    setText('');
    setMentions([]);
    setQuery(null);
    setProblem(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (listOpen) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + candidates.length) % candidates.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(candidates[activeIndex]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className={`composer${parent ? ' composer--reply' : ''}`} onSubmit={send}>
      <label htmlFor={id} className="field__label">
        {parent ? t('threads.composer.replyLabel', { name: parent.author.name }) : t('threads.composer.label')}
      </label>
      <div className="composer__box">
        <textarea
          ref={textarea}
          id={id}
          className="field__control thread-textarea"
          rows={parent ? 2 : 3}
          value={text}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a reply box opens on the member's own "Reply": focus goes where she asked, as in a dialog
          autoFocus={Boolean(parent)}
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          aria-invalid={problem ? true : undefined}
          aria-autocomplete="list"
          aria-controls={listOpen ? listId : undefined}
          aria-activedescendant={listOpen ? `${listId}-${activeIndex}` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
            followCaret(event.target.value, event.target.selectionStart);
            if (event.target.value) controller?.typingInput();
          }}
          onSelect={(event) => followCaret(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            controller?.typingStop();
            setQuery(null);
          }}
        />
        {listOpen && (
          <ul id={listId} role="listbox" className="mentions" aria-label={t('threads.composer.mentions.label')}>
            {candidates.map((candidate, index) => (
              <li
                key={candidate.userId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className="mentions__option"
                // Picked before the box loses focus.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(candidate);
                }}
              >
                <span className="mentions__name">{candidate.name}</span>{' '}
                <span className="mentions__role">
                  {t(`roles.${candidate.role}`)}
                  {candidate.site ? ` · ${candidate.site.name}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={hintId} className="field__hint">
        {t('threads.composer.hint')}
      </p>
      <p className="visually-hidden" role="status">
        {searching && !fetching
          ? candidates.length > 0
            ? t('threads.composer.mentions.found', { count: candidates.length })
            : t('threads.composer.mentions.none')
          : ''}
      </p>
      {problem && (
        <p id={errorId} className="field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={!controller}>
          {parent ? t('threads.composer.sendReply') : t('threads.composer.send')}
        </button>
        {onClose && (
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            {t('threads.composer.close')}
          </button>
        )}
      </div>
    </form>
  );
}
