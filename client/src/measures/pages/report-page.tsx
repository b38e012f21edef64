import { isMonthKey, reportDueDate } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSearchUpdate } from '../../app/hooks/use-search-update';
import { graphql } from '../../gql';
import { useFormatDay, useFormatMonth } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { SelectField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { mayReport, reportableSites } from '../access';
import { MonthReportForm } from '../components/month-report-form';
import { currentMonthKey, defaultReportMonth, networkMonths } from '../months';
import '../measures.css';

graphql(`
  fragment MonthReportFields on MonthReport {
    month
    dueDate
    submissionOpensAt
    site {
      id
      name
    }
    entries {
      reportId
      numerator
      denominator
      value
      status
      version
      updatedAt
      updatedByName
      measure {
        id
        key
        name
        kind
        unit
        definition
        numeratorDefinition
        denominatorDefinition
        inclusions
        exclusions
      }
      history {
        version
        numerator
        denominator
        value
        status
        reason
        changedAt
        changedByName
      }
    }
  }
`);

const MonthReportDocument = graphql(`
  query MonthReport($networkId: ID!, $siteId: ID!, $month: String!) {
    monthReport(networkId: $networkId, siteId: $siteId, month: $month) {
      ...MonthReportFields
    }
  }
`);

/**
 * The month form of a site: every measure of one month on one form, saved as a draft or
 * submitted. Site teams report for their own site; network admins for any site.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const formatMonth = useFormatMonth('long');
  const formatDay = useFormatDay();
  const [searchParams] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const sites = reportableSites(actor, network.sites);
  const months = networkMonths(network.startedOn);
  const requestedMonth = searchParams.get('month');
  const month =
    requestedMonth && isMonthKey(requestedMonth) && months.includes(requestedMonth)
      ? requestedMonth
      : defaultReportMonth(network.startedOn);
  const requestedSite = searchParams.get('site');
  const site = sites.find((s) => s.id === requestedSite) ?? sites.find((s) => s.id === actor.siteId) ?? sites[0];
  const allowed = mayReport(actor) && site !== undefined;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MonthReportDocument,
    variables: { networkId: network.id, siteId: site?.id ?? '', month },
    pause: !allowed,
    // The form starts from what is saved now, so its versions are current when it is sent.
    requestPolicy: 'network-only',
  });

  if (!allowed) {
    return (
      <>
        <PageHeading>{t('report.title')}</PageHeading>
        <p>{mayReport(actor) ? t('report.noSite') : t('report.notAllowed')}</p>
      </>
    );
  }

  const choose = (changes: { month?: string; site?: string }) =>
    updateSearch((next) => {
      if (changes.month) next.set('month', changes.month);
      if (changes.site) next.set('site', changes.site);
      return next;
    });
  const current = currentMonthKey();
  const monthOptions = [...months].reverse().map((m) => ({
    value: m,
    label: m === current ? t('report.thisMonth', { month: formatMonth(m) }) : formatMonth(m),
  }));
  const report = data?.monthReport.month === month && data.monthReport.site.id === site.id ? data.monthReport : null;

  return (
    <>
      <PageHeading>{t('report.title')}</PageHeading>
      <p className="lead">{t('report.intro')}</p>
      <div className="report-pickers panel">
        <SelectField
          label={t('report.month')}
          value={month}
          onChange={(e) => choose({ month: e.target.value })}
          options={monthOptions}
        />
        {sites.length > 1 ? (
          <SelectField
            label={t('report.site')}
            value={site.id}
            onChange={(e) => choose({ site: e.target.value })}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : (
          <p className="report-pickers__site">
            <span className="field__label">{t('report.site')}</span>
            <br />
            {site.name}
          </p>
        )}
        <p className="report-pickers__due">
          {t('report.due', { due: formatDay(reportDueDate(month)) })}
          <br />
          <Link to={`/n/${network.slug}/report/import`}>{t('report.importLink')}</Link>
        </p>
      </div>
      {!report && fetching && <Loading />}
      {error && !report && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {report && (
        <MonthReportForm
          key={`${site.id}|${month}`}
          report={report}
          networkId={network.id}
          networkSlug={network.slug}
        />
      )}
    </>
  );
}
