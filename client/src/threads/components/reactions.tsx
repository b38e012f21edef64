import { REACTION_EMOJI, type ReactionEmoji } from '@commons/shared';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendError, ThreadMessage } from '../thread-state';
import { useSendErrorText } from './errors';
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

/**
 * A message's reactions: each with its count and who reacted (in its name and tooltip), pressed
 * when the member's own is there (pressing toggles it), and a button to add one of the set.
 */
export function Reactions({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation();
  const { controller, canPost, people, viewerId } = useThreadContext();
  const errorText = useSendErrorText();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<SendError | null>(null);
  const pickerId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const mayReact = canPost && controller !== null;
  const reactions = message.reactions.filter((r) => isAllowed(r.emoji) && r.count > 0);

  const nameOf = (userId: string) => (userId === viewerId ? t('threads.reactions.you') : (people.get(userId)?.name ?? t('threads.reactions.someone')));
  const react = async (emoji: ReactionEmoji) => {
    if (!controller) return;
    setError(await controller.react(message.id, emoji));
  };
  const closePicker = () => {
    setPicking(false);
    toggleRef.current?.focus();
  };
  const onPickerKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closePicker();
    }
  };

  if (reactions.length === 0 && !mayReact) return null;
  return (
    <div className="reactions">
      {reactions.length > 0 && (
        <ul className="reactions__list" aria-label={t('threads.reactions.label')}>
          {reactions.map((r) => {
            const emoji = r.emoji as ReactionEmoji;
            const name = t(`threads.emoji.${EMOJI_KEYS[emoji]}`);
            const who = r.userIds.map(nameOf).join(', ');
            const label = t('threads.reactions.existing', { name, count: r.count, people: who });
            const mine = r.userIds.includes(viewerId);
            return (
              <li key={r.emoji}>
                {mayReact ? (
                  <button type="button" className="reaction" aria-pressed={mine} aria-label={label} title={who} onClick={() => react(emoji)}>
                    <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
                  </button>
                ) : (
                  <span className="reaction" role="img" aria-label={label} title={who}>
                    <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {mayReact && (
        <>
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
            <div id={pickerId} className="reactions__picker" role="group" aria-label={t('threads.reactions.pick')} onKeyDown={onPickerKey}>
              {REACTION_EMOJI.map((emoji, index) => {
                const mine = message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(viewerId));
                return (
                  <button
                    key={emoji}
                    type="button"
                    className="reaction reaction--pick"
                    aria-pressed={mine}
                    aria-label={t(`threads.emoji.${EMOJI_KEYS[emoji]}`)}
                    title={t(`threads.emoji.${EMOJI_KEYS[emoji]}`)}
                    autoFocus={index === 0}
                    onClick={() => {
                      void react(emoji);
                      closePicker();
                    }}
                  >
                    <span aria-hidden="true">{emoji}</span>
                  </button>
                );
              })}
            </div>
          )}
        </>
      )}
      {error && (
        <p className="field__error" role="alert">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}
