import { useTranslation } from 'react-i18next';

/**
 * Who else is typing now ("Amira is typing…"). Shown, not spoken: a screen reader hears the
 * message itself when it comes.
 */
export function TypingIndicator({ typing }: { typing: { userId: string; name: string }[] }) {
  const { t } = useTranslation();
  let text = '';
  if (typing.length === 1) text = t('threads.typing.one', { name: typing[0].name });
  else if (typing.length === 2) text = t('threads.typing.two', { first: typing[0].name, second: typing[1].name });
  else if (typing.length > 2) text = t('threads.typing.many');
  return <p className="thread-typing">{text}</p>;
}
