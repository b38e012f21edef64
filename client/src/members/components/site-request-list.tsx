import { MAX_SITE_REQUEST_REASON } from '@commons/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { SiteRequestItemFragment } from '../../gql/graphql';
import { describeError, toFormErrors } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Card } from '../../ui/card';
import { FormAlert, Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { useForm } from '../../ui/use-form';

const loadDeclineRules = () => import('../site-request-validation');

graphql(`
  fragment SiteRequestItem on SiteRequest {
    id
    status
    siteId
    siteName
    requestedAt
    member {
      userId
      name
      role
    }
  }
`);

export const SiteRequestsDocument = graphql(`
  query SiteRequests($networkId: ID!, $first: Int!) {
    siteRequests(networkId: $networkId, first: $first) {
      totalCount
      nodes {
        ...SiteRequestItem
      }
    }
  }
`);

const ConfirmSiteRequestDocument = graphql(`
  mutation ConfirmSiteRequest($requestId: ID!) {
    confirmSiteRequest(requestId: $requestId) {
      ...SiteRequestItem
    }
  }
`);

const DeclineSiteRequestDocument = graphql(`
  mutation DeclineSiteRequest($requestId: ID!, $reason: String) {
    declineSiteRequest(requestId: $requestId, reason: $reason) {
      ...SiteRequestItem
    }
  }
`);

/** An empty list names no types: say which answers make it stale. */
export const SITE_REQUEST_CONTEXT = { additionalTypenames: ['SiteRequest'] };
const PAGE_SIZE = 50;
export const SITE_REQUESTS_ANCHOR = 'site-requests';

/**
 * Requests to join a site that wait for the viewer (her own site's, for a site lead; every
 * site's, for an admin), oldest first, each with Confirm and Decline (with an optional reason).
 */
export function SiteRequestList() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const { hash } = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SiteRequestsDocument,
    variables: { networkId: network.id, first: PAGE_SIZE },
    context: SITE_REQUEST_CONTEXT,
  });
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const headingRef = useRef<HTMLDivElement>(null);
  const list = data?.siteRequests;

  // A notification links here (#site-requests): bring the list into view once it is there.
  useEffect(() => {
    if (list && hash === `#${SITE_REQUESTS_ANCHOR}`) headingRef.current?.scrollIntoView({ block: 'start' });
  }, [list, hash]);

  const answered = (message: string) => {
    setProblems([]);
    setStatus(message);
  };

  return (
    <Card title={t('siteRequests.title')} anchor={SITE_REQUESTS_ANCHOR}>
      <div ref={headingRef}>
        <p className="muted">{t('siteRequests.intro')}</p>
        <FormAlert messages={problems} />
        <StatusMessage>{status}</StatusMessage>
        {!list && fetching && <Loading />}
        {!list && error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
        {list && list.nodes.length === 0 && <p>{t('siteRequests.empty')}</p>}
        {list && list.nodes.length > 0 && (
          <ul className="stack-list">
            {list.nodes.map((request) => (
              <SiteRequestRow
                key={request.id}
                request={request}
                onAnswered={answered}
                onProblem={(message) => setProblems([message])}
              />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function SiteRequestRow({
  request,
  onAnswered,
  onProblem,
}: {
  request: SiteRequestItemFragment;
  onAnswered: (message: string) => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const formatDate = useFormatDate();
  const [declining, setDeclining] = useState(false);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmSiteRequestDocument);
  const who = { name: request.member.name, site: request.siteName };

  async function confirmRequest() {
    const result = await confirm({ requestId: request.id }, SITE_REQUEST_CONTEXT);
    if (result.error) onProblem(describeError(result.error, t));
    else onAnswered(t('siteRequests.confirmed', who));
  }

  return (
    <li className="site-request">
      <div>
        <p className="site-request__name">
          <Link to={`/n/${network.slug}/members/${request.member.userId}`}>{request.member.name}</Link>
        </p>
        <p className="muted small">
          {request.member.role && `${t(`roles.${request.member.role}`)} · `}
          {t('siteRequests.asked', { site: request.siteName, date: formatDate(request.requestedAt) })}
        </p>
      </div>
      {!declining && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={confirming}
            onClick={() => void confirmRequest()}
            aria-label={t('siteRequests.confirmLabel', who)}
          >
            {t('siteRequests.confirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDeclining(true)}
            aria-label={t('siteRequests.declineLabel', who)}
          >
            {t('siteRequests.decline')}
          </button>
        </div>
      )}
      {declining && (
        <DeclineForm
          request={request}
          onCancel={() => setDeclining(false)}
          onDeclined={() => {
            setDeclining(false);
            onAnswered(t('siteRequests.declined', who));
          }}
          onProblem={onProblem}
        />
      )}
    </li>
  );
}

const DECLINE_FIELDS = ['reason'] as const;

function DeclineForm({
  request,
  onCancel,
  onDeclined,
  onProblem,
}: {
  request: SiteRequestItemFragment;
  onCancel: () => void;
  onDeclined: () => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const form = useForm(DECLINE_FIELDS);
  const [{ fetching }, decline] = useMutation(DeclineSiteRequestDocument);
  // The rules come in their own chunk, fetched as the form opens.
  useEffect(() => void loadDeclineRules(), []);

  async function submit() {
    const { siteRequestDeclineSchema } = await loadDeclineRules();
    const result = await form.submit({
      check: () => form.validate(siteRequestDeclineSchema, { reason }),
      send: () => decline({ requestId: request.id, reason }, SITE_REQUEST_CONTEXT),
      // A problem with the request itself (answered meanwhile, say) is said where the list says its news.
      onError: (error) => {
        const found = toFormErrors(error, DECLINE_FIELDS, t);
        if (found.form.length) onProblem(found.form.join(' '));
        return { ...found, form: [] };
      },
    });
    if (result) onDeclined();
  }

  return (
    <form {...form.formProps(submit)} className="site-request__decline" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="small">
        {t('siteRequests.declineTitle', { name: request.member.name, site: request.siteName })}
      </p>
      <TextAreaField
        label={t('siteRequests.reason')}
        hint={t('siteRequests.reasonHint', { name: request.member.name, count: MAX_SITE_REQUEST_REASON })}
        {...form.field('reason', reason, setReason)}
        limit={MAX_SITE_REQUEST_REASON}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={fetching}>
          {t('siteRequests.declineSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
