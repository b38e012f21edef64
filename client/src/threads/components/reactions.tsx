import { REACTION_EMOJI, type ReactionEmoji } from '@commons/shared';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendError, ThreadMessage } from '../thread-state';
import { useRovingFocus } from '../../ui/roving-focus';
import { useThreadContext } from './thread-context';

/** The translation key of each reaction's name, in REACTION_EMOJI's order. */
const EMOJI_KEYS = {
  '👍': 'thumbsUp',
  '❤️': 'heart',
  '🎉': 'celebrate',
  '🙏': 'thanks',
  '💡': 'idea',
  '👀': 'looking',
} as const satisfies Record<ReactionEmoji, string>;

const isAllowed = (emoji: string): emoji is ReactionEmoji => (REACTION_EMOJI as readonly string[]).includes(emoji);

/** A message's reactions: each with its count and who reacted (in its name and tooltip), pressed when the member's own is there (pressing toggles it). */
export function ReactionList({
  message,
  onError,
}: {
  message: ThreadMessage;
  onError: (error: SendError | null) => void;
}) {
  const { t } = useTranslation();
  const { controller, canPost, people, viewerId } = useThreadContext();
  const mayReact = canPost && controller !== null;
  const reactions = message.reactions.filter((r) => isAllowed(r.emoji) && r.count > 0);
  if (reactions.length === 0) return null;
  const nameOf = (userId: string) =>
    userId === viewerId ? t('threads.reactions.you') : (people.get(userId)?.name ?? t('threads.reactions.someone'));
  return (
    <ul className="reactions__list" aria-label={t('threads.reactions.label')}>
      {reactions.map((r) => {
        const emoji = r.emoji as ReactionEmoji;
        const name = t(`threads.emoji.${EMOJI_KEYS[emoji]}`);
        const who = r.userIds.map(nameOf).join(', ');
        const label = t('threads.reactions.existing', { name, count: r.count, people: who });
        const content = (
          <>
            <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
          </>
        );
        return (
          <li key={r.emoji}>
            {mayReact ? (
              <button
                type="button"
                className="reaction"
                aria-pressed={r.userIds.includes(viewerId)}
                aria-label={label}
                title={who}
                onClick={() => void controller.react(message.id, emoji).then(onError)}
              >
                {content}
              </button>
            ) : (
              <span className="reaction" role="img" aria-label={label} title={who}>
                {content}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "React": opens the set of reactions to pick one, a toolbar: one Tab stop, arrow keys, Home and
 * End move between the reactions (Escape closes it, focus comes back).
 */
export function ReactionPicker({
  message,
  onError,
}: {
  message: ThreadMessage;
  onError: (error: SendError | null) => void;
}) {
  const { t } = useTranslation();
  const { controller, viewerId } = useThreadContext();
  const [picking, setPicking] = useState(false);
  const pickerId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const roving = useRovingFocus(REACTION_EMOJI.length);
  if (!controller) return null;

  const close = () => {
    setPicking(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    roving.onKeyDown(event);
  };
  return (
    <span className="reactions__add-wrap">
      <button
        ref={toggleRef}
        type="button"
        className="link-button reactions__add"
        aria-expanded={picking}
        aria-controls={picking ? pickerId : undefined}
        aria-label={t('threads.reactions.addTo', { name: message.author.name })}
        onClick={() => setPicking((open) => !open)}
      >
        {t('threads.reactions.add')}
      </button>
      {picking && (
        <span
          id={pickerId}
          className="reactions__picker"
          role="toolbar"
          aria-label={t('threads.reactions.pick')}
          onKeyDown={onKeyDown}
        >
          {REACTION_EMOJI.map((emoji, index) => {
            const name = t(`threads.emoji.${EMOJI_KEYS[emoji]}`);
            return (
              <button
                key={emoji}
                type="button"
                className="reaction reaction--pick"
                aria-pressed={message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(viewerId))}
                aria-label={name}
                title={name}
                // eslint-disable-next-line jsx-a11y/no-autofocus -- the picker was just opened by the member: focus goes to its first choice, as in a menu
                autoFocus={index === 0}
                {...roving.itemProps(index)}
                onClick={() => {
                  close();
                  void controller.react(message.id, emoji).then(onError);
                }}
              >
                <span aria-hidden="true">{emoji}</span>
              </button>
            );
          })}
        </span>
      )}
    </span>
  );
}
