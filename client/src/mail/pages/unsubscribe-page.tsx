import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { describeError, errorCode } from '../../graphql/errors';
import { FormAlert, Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';

const UnsubscribeInfoDocument = graphql(`
  query UnsubscribeInfo($token: String!) {
    unsubscribeInfo(token: $token) {
      scope
      networkName
      done
    }
  }
`);

const UnsubscribeDocument = graphql(`
  mutation Unsubscribe($token: String!) {
    unsubscribe(token: $token) {
      scope
      networkName
      done
    }
  }
`);

const KIND_SCOPES = new Set(['DIGEST_DAILY', 'DIGEST_WEEKLY', 'REPORT_REMINDERS']);

/**
 * The page an email's "Unsubscribe" link opens, without signing in: it says what stops and asks
 * first (link scanners open links; only the button unsubscribes).
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: UnsubscribeInfoDocument, variables: { token } });
  const [done, setDone] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, unsubscribe] = useMutation(UnsubscribeDocument);

  if (fetching && !data) return <Loading />;
  if (errorCode(error) === 'NOT_FOUND') {
    return (
      <div className="narrow">
        <PageHeading>{t('mail.unsubscribe.title')}</PageHeading>
        <p>{t('mail.unsubscribe.unknown')}</p>
      </div>
    );
  }
  if (error || !data) return error ? <QueryError error={error} /> : null;
  const { scope } = data.unsubscribeInfo;
  const what = KIND_SCOPES.has(scope)
    ? t(`mail.unsubscribe.scopes.${scope as 'DIGEST_DAILY' | 'DIGEST_WEEKLY' | 'REPORT_REMINDERS'}`)
    : t('mail.unsubscribe.scopes.kind', { kind: t(`notifications.preferences.kinds.${scope as 'MENTION'}.name`) });

  async function confirm() {
    const result = await unsubscribe({ token });
    if (result.error) setProblems([describeError(result.error, t)]);
    else setDone(true);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('mail.unsubscribe.title')}</PageHeading>
      <p>{t('mail.unsubscribe.what', { what, network: data.unsubscribeInfo.networkName ?? 'Commons' })}</p>
      <FormAlert messages={problems} />
      {done || data.unsubscribeInfo.done ? (
        <p role="status">{t('mail.unsubscribe.done')}</p>
      ) : (
        <button type="button" className="button" disabled={saving.fetching} onClick={() => void confirm()}>
          {t('mail.unsubscribe.confirm')}
        </button>
      )}
      <p className="muted">{t('mail.unsubscribe.settings')}</p>
    </div>
  );
}
