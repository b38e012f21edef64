import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { ChartType } from '../platform/graphql/enums';
import { ChartsService } from './charts.service';
import { MeasureCharts, SeriesChart } from './models/chart.model';
import { FieldCost } from '../platform/graphql/field-cost';

@Resolver(() => MeasureCharts)
export class ChartsResolver {
  constructor(private readonly service: ChartsService) {}

  @Query(() => MeasureCharts, {
    description: 'Run/SPC charts of a measure for the network and every site, and funnel plots.',
    complexity: FieldCost.charts,
  })
  measureCharts(
    @CurrentViewer() viewer: Viewer,
    @Args('measureId', { type: () => ID }) measureId: string,
    @Args('chartType', { type: () => ChartType, nullable: true }) chartType: ChartType | null,
    @Args('baselineMonths', {
      type: () => Int,
      nullable: true,
      description: 'Freeze centre line and limits on the first N months.',
    })
    baselineMonths: number | null,
    @Args('phaseStarts', {
      type: () => [String],
      nullable: true,
      description: 'Months where a new phase starts (e.g. a change was adopted).',
    })
    phaseStarts: string[] | null,
    @Args('screenMovingRanges', {
      type: () => Boolean,
      nullable: true,
      description:
        'I and P_PRIME charts: leave moving ranges above 3.267 × their average out of the limits (Nelson 1982). Default true, as qicharts2.',
    })
    screenMovingRanges: boolean | null,
    @Args('includeIncompleteMonths', {
      type: () => Boolean,
      nullable: true,
      description:
        'Count network months not every site has reported yet in the limits, signals and funnels. Default false.',
    })
    includeIncompleteMonths: boolean | null,
    @Args('adjustFunnels', {
      type: () => Boolean,
      nullable: true,
      description: 'Widen funnel limits for overdispersion when the sites are overdispersed. Default true.',
    })
    adjustFunnels: boolean | null,
  ) {
    return this.service.measureCharts(viewer, measureId, {
      chartType,
      baselineMonths,
      phaseStarts,
      screenMovingRanges,
      includeIncompleteMonths,
      adjustFunnels,
    });
  }

  @ResolveField(() => SeriesChart, {
    nullable: true,
    description:
      "One site's series, for selecting its points in full while `sites` asks only what small multiples draw. Null for a site not in the network.",
  })
  site(@Parent() charts: MeasureCharts, @Args('siteId', { type: () => ID }) siteId: string): SeriesChart | null {
    return charts.sites.find((series) => series.site?.id === siteId) ?? null;
  }
}
