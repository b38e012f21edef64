import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useUnreadNotifications } from '../hooks/use-unread-notifications';
import '../notifications.css';

/** Badges show at most this; the accessible name says the exact count. */
const BADGE_MAX = 99;

/**
 * The bell in the banner: a link to the notifications with the live unread count. A new arrival is
 * announced politely once; loading the page or reading notices is not. Key it by network.
 */
export function NotificationBell({ networkId, slug }: { networkId: string; slug: string }) {
  const { t } = useTranslation();
  const { count, announcement } = useUnreadNotifications(networkId);
  const to = `/n/${slug}/notifications`;
  const here = useMatch(to);
  const unread = count ?? 0;

  return (
    <>
      <Link to={to} className="bell" aria-current={here ? 'page' : undefined}>
        <BellIcon />
        <span className="visually-hidden">
          {unread > 0 ? t('notifications.bell.labelUnread', { count: unread }) : t('notifications.bell.label')}
        </span>
        {unread > 0 && (
          <span className="bell__badge" aria-hidden="true">
            {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
          </span>
        )}
      </Link>
      <span role="status" className="visually-hidden">
        {announcement && (
          <span key={announcement.seq}>{t('notifications.bell.announceNew', { count: announcement.count })}</span>
        )}
      </span>
    </>
  );
}

function BellIcon() {
  return (
    <svg className="bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </svg>
  );
}
