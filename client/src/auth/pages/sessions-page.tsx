import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MySessionsQuery } from '../../gql/graphql';
import { describeError } from '../../graphql/errors';
import { useResetGraphqlClient } from '../../graphql/graphql-provider';
import { useFormatDateTime } from '../../i18n/format';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { describeUserAgent } from '../user-agent';

const MySessionsDocument = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      current
      expiresAt
      ipAddress
      lastSeenAt
      userAgent
    }
  }
`);

const RevokeSessionDocument = graphql(`
  mutation RevokeSession($sessionId: ID!) {
    revokeSession(sessionId: $sessionId)
  }
`);

type Session = MySessionsQuery['mySessions'][number];

/** The devices signed in as the member, each with a way to sign it out. */
export function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetGraphqlClient();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MySessionsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [, revoke] = useMutation(RevokeSessionDocument);
  const [messages, setMessages] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  async function signOutDevice(session: Session) {
    setMessages([]);
    const result = await revoke({ sessionId: session.id });
    if (result.error) {
      setMessages([describeError(result.error, t)]);
      return;
    }
    if (session.current) {
      resetClient();
      void navigate('/sign-in', { replace: true });
      return;
    }
    setStatus(t('sessions.signedOut'));
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/profile">{t('profile.title')}</Link>
      </p>
      <PageHeading>{t('sessions.title')}</PageHeading>
      <p className="lead">{t('sessions.intro')}</p>
      <FormAlert messages={messages} />
      <StatusMessage>{status}</StatusMessage>
      {fetching && !data && <Loading />}
      {error && !data && <QueryError error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && (
        <ul className="stack-list">
          {data.mySessions.map((session) => (
            <SessionItem key={session.id} session={session} onSignOut={() => void signOutDevice(session)} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SessionItem({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { browser, system } = describeUserAgent(session.userAgent);
  const device =
    browser && system ? t('sessions.device', { browser, system }) : (browser ?? system ?? t('sessions.unknownDevice'));
  return (
    <li className="panel session">
      <div>
        <h2 className="session__title">
          {device} {session.current && <span className="badge">{t('sessions.thisDevice')}</span>}
        </h2>
        <p className="muted">
          {t('sessions.lastSeen', { when: formatDateTime(session.lastSeenAt) })} ·{' '}
          {t('sessions.signedIn', { when: formatDateTime(session.createdAt) })} ·{' '}
          {t('sessions.address', { address: session.ipAddress })}
        </p>
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={onSignOut}
        aria-label={t('sessions.signOutLabel', { device })}
      >
        {t('sessions.signOut')}
      </button>
    </li>
  );
}
