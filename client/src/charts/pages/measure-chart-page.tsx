import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MeasureChartsQuery } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { networkMonths } from '../../measures/months';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { SelectField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { isChartTypeFor } from '../chart-types';
import { ChartControls } from '../components/chart-controls';
import { FunnelPlot } from '../components/funnel-plot';
import { MainChart } from '../components/main-chart';
import { SmallMultiples } from '../components/small-multiples';
import { useChartParams } from '../hooks/use-chart-params';
import '../charts.css';

const ChartMeasuresDocument = graphql(`
  query ChartMeasures($networkId: ID!) {
    measures(networkId: $networkId) {
      id
      name
      kind
    }
  }
`);

graphql(`
  fragment SeriesChartFields on SeriesChart {
    chartType
    fullyVisible
    site {
      id
      name
    }
    points {
      month
      value
      excluded
      provisional
      sitesReported
      sites
      numerator {
        value
        label
      }
      denominator {
        value
        label
      }
      phase
      inBaseline
      centre
      lower
      upper
      beyondLimits
      inLongRun
    }
    signals {
      key
      phase
      side
      length
      fromMonth
      toMonth
      month
      crossings
      expectedAtLeast
      months
      centre
      assessment
      reason
      before
      after
      sitesReported
      sites
      leftOut
    }
  }
`);

// The small multiples draw only the line, limits and signal marks of each site; the selected
// site comes in full. That halves the response of a network with many sites.
graphql(`
  fragment SmallMultipleFields on SeriesChart {
    fullyVisible
    site {
      id
      name
    }
    points {
      month
      value
      excluded
      phase
      centre
      lower
      upper
      beyondLimits
      inLongRun
    }
    signals {
      key
      assessment
    }
  }
`);

const MeasureChartsDocument = graphql(`
  query MeasureCharts(
    $measureId: ID!
    $chartType: ChartType
    $baselineMonths: Int
    $phaseStarts: [String!]
    $screenMovingRanges: Boolean
    $includeIncompleteMonths: Boolean
    $adjustFunnels: Boolean
    $siteId: ID!
    $withSite: Boolean!
  ) {
    measureCharts(
      measureId: $measureId
      chartType: $chartType
      baselineMonths: $baselineMonths
      phaseStarts: $phaseStarts
      screenMovingRanges: $screenMovingRanges
      includeIncompleteMonths: $includeIncompleteMonths
      adjustFunnels: $adjustFunnels
    ) {
      suppressionThreshold
      measure {
        id
        name
        definition
        kind
        direction
        unit
        target
        defaultChart
      }
      network {
        ...SeriesChartFields
      }
      selectedSite: site(siteId: $siteId) @include(if: $withSite) {
        ...SeriesChartFields
      }
      sites {
        ...SmallMultipleFields
      }
      pdsaAnnotations {
        cycleId
        ideaId
        ideaTitle
        siteId
        number
        title
        stage
        act
        startOn
        endOn
        startMonth
        endMonth
      }
      funnels {
        months
        fromMonth
        toMonth
        target
        sitesLeftOut
        phi
        overdispersed
        limitsWidenedBy
        incompleteMonthsLeftOut {
          month
          sitesReported
          sites
        }
        incompleteMonthsIncluded {
          month
          sitesReported
          sites
        }
        sites {
          site {
            id
            name
          }
          value
          denominator
          position95
          position998
          assessment
        }
        curve {
          denominator
          lower95
          upper95
          lower998
          upper998
        }
      }
    }
  }
`);

type Charts = MeasureChartsQuery['measureCharts'];

/**
 * One measure's charts: a run or control chart of the network or one site with its signals in
 * words and its numbers as a table, small multiples of every site, and a funnel plot comparing
 * sites. Every setting lives in the address.
 */
export function MeasureChartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { measureId = '' } = useParams();
  const { network, actor } = useNetwork();
  const { params, update } = useChartParams();
  const months = networkMonths(network.startedOn);
  const [{ data: measureList }] = useQuery({ query: ChartMeasuresDocument, variables: { networkId: network.id } });
  const listed = measureList?.measures.find((m) => m.id === measureId);
  const kind = listed?.kind;
  const selectedSiteId = params.site ?? actor.siteId;
  const variables = {
    measureId,
    siteId: selectedSiteId ?? '',
    withSite: selectedSiteId !== null && selectedSiteId !== 'network',
    chartType: kind && isChartTypeFor(kind, params.chart) ? params.chart : null,
    baselineMonths: params.baseline !== null && params.baseline <= months.length ? params.baseline : null,
    phaseStarts: params.phases.filter((month) => months.includes(month as (typeof months)[number])),
    screenMovingRanges: params.screened ? null : false,
    includeIncompleteMonths: params.includeIncomplete ? true : null,
    adjustFunnels: params.adjustFunnels ? null : false,
  };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeasureChartsDocument,
    variables,
    pause: !measureList,
    requestPolicy: 'cache-and-network',
  });
  // Keep showing the last charts while new settings load, so the page does not jump.
  const [last, setLast] = useState<Charts | null>(null);
  const loaded = data?.measureCharts && data.measureCharts.measure.id === measureId ? data.measureCharts : null;
  if (loaded && loaded !== last) setLast(loaded);
  const shown = loaded ?? last;
  const charts = shown?.measure.id === measureId ? shown : null;
  // The site charts and the funnel (below the first screen) are drawn in a second pass that gives
  // way to the browser, so the main chart appears without one long blocking task.
  const below = useDeferredValue(charts, null);
  const measures = `/n/${network.slug}/measures`;

  const back = (
    <p className="breadcrumb">
      <Link to={measures}>{t('charts.backToMeasures')}</Link>
    </p>
  );

  if (!charts) {
    const missing =
      (measureList && !listed) || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT';
    return (
      <>
        {back}
        <PageHeading>{missing ? t('charts.notFound') : (listed?.name ?? t('charts.title'))}</PageHeading>
        {missing && <p>{t('charts.notFoundBody')}</p>}
        {!missing && (fetching || !measureList) && <Loading />}
        {error && !missing && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeading>{charts.measure.name}</PageHeading>
      {charts.measure.definition && <p className="lead">{charts.measure.definition}</p>}
      <div className="chart-toolbar">
        <SelectField
          label={t('charts.measure')}
          value={measureId}
          onChange={(e) => void navigate(`${measures}/${e.target.value}`)}
          options={(measureList?.measures ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      </div>
      <ChartControls
        kind={charts.measure.kind}
        chartType={variables.chartType ?? charts.measure.defaultChart}
        defaultChart={charts.measure.defaultChart}
        baseline={variables.baselineMonths}
        phases={variables.phaseStarts}
        screened={params.screened}
        includeIncomplete={params.includeIncomplete}
        months={months}
        onChange={update}
      />
      {error && <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      <MainChart
        charts={charts}
        networkSlug={network.slug}
        siteParam={params.site}
        ownSiteId={actor.siteId}
        onSite={(site) => update({ site })}
        onSplit={(month) => update({ phases: [...variables.phaseStarts, month] })}
        busy={fetching}
      />
      {below && (
        <SmallMultiples
          series={below.sites}
          kind={below.measure.kind}
          chartType={below.network.chartType}
          target={below.measure.target}
          measureName={below.measure.name}
          ownSiteId={actor.siteId}
          selectedSiteId={selectedSiteId}
          onSelect={(site) => {
            update({ site });
            document.getElementById('main-chart')?.scrollIntoView({ block: 'start' });
            document.getElementById('main-chart-heading')?.focus();
          }}
        />
      )}
      {below && below.funnels.length > 0 && (
        <FunnelPlot
          funnels={below.funnels}
          window={params.funnel}
          onWindowChange={(funnel) => update({ funnel })}
          adjusted={params.adjustFunnels}
          onAdjustedChange={(adjustFunnels) => update({ adjustFunnels })}
          kind={below.measure.kind}
          measureName={below.measure.name}
          ownSiteId={actor.siteId}
        />
      )}
    </>
  );
}
