import type { ThreadPersonPayload } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { initials } from '../thread-view';
import { useThreadContext } from './thread-context';

const AVATARS_SHOWN = 8;

/** Who is in the thread now: "Here now:" with a small avatar and the name of each. */
export function PresenceBar({ members }: { members: ThreadPersonPayload[] }) {
  const { t } = useTranslation();
  const { viewerId } = useThreadContext();
  if (members.length === 0) return <div className="thread-presence" />;
  const shown = members.slice(0, AVATARS_SHOWN);
  const more = members.length - shown.length;
  return (
    <div className="thread-presence">
      <span className="thread-presence__label">{t('threads.presence.label')}</span>
      <ul className="thread-presence__list" aria-label={t('threads.presence.listLabel')}>
        {shown.map((member) => (
          <li key={member.userId} className="thread-presence__member">
            <span className="thread-presence__avatar" aria-hidden="true">
              {initials(member.name)}
            </span>
            <span className="thread-presence__name">
              {member.userId === viewerId ? t('threads.presence.you', { name: member.name }) : member.name}
            </span>
          </li>
        ))}
        {more > 0 && <li className="thread-presence__member">{t('threads.presence.more', { count: more })}</li>}
      </ul>
    </div>
  );
}
