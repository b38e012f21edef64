import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { NotificationFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { MarkNotificationReadDocument, NOTIFICATION_CONTEXT } from '../documents';
import { notificationHref, notificationSentence } from '../notification-text';

interface NotificationItemProps {
  notification: NotificationFieldsFragment;
  networkSlug: string;
  linkRef?: Ref<HTMLAnchorElement>;
}

/** One notice: what happened (a link to it), what it quotes, when, and "Mark as read" while unread. */
export function NotificationItem({ notification, networkSlug, linkRef }: NotificationItemProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [{ fetching }, markRead] = useMutation(MarkNotificationReadDocument);
  const sentence = notificationSentence(notification, t);
  const href = notificationHref(networkSlug, notification.link);
  const unread = !notification.read;
  const mark = () => void markRead({ id: notification.id }, NOTIFICATION_CONTEXT);

  return (
    <li className={`notification${unread ? ' notification--unread' : ''}`}>
      <p className="notification__text">
        {unread && <span className="visually-hidden">{`${t('notifications.unreadLabel')}: `}</span>}
        {href ? (
          // Opening a notice reads it.
          <Link to={href} ref={linkRef} onClick={unread ? mark : undefined}>
            {sentence}
          </Link>
        ) : (
          sentence
        )}
      </p>
      {notification.detail && <blockquote className="notification__detail">{notification.detail}</blockquote>}
      <p className="notification__meta">
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
        {unread && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={mark} disabled={fetching}>
              {t('notifications.markRead')}
              <span className="visually-hidden">{`: ${sentence}`}</span>
            </button>
          </>
        )}
      </p>
    </li>
  );
}
