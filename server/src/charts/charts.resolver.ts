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

  @Query(() => MeasureCharts, { description: 'Run/SPC charts of a measure for the network and every site, and funnel plots.', complexity: FieldCost.charts })
  measureCharts(
    @CurrentViewer() viewer: Viewer,
    @Args('measureId', { type: () => ID }) measureId: string,
    @Args('chartType', { type: () => ChartType, nullable: true }) chartType: ChartType | null,
    @Args('baselineMonths', { type: () => Int, nullable: true, description: 'Freeze centre line and limits on the first N months.' }) baselineMonths: number | null,
    @Args('phaseStarts', { type: () => [String], nullable: true, description: 'Months where a new phase starts (e.g. a change was adopted).' }) phaseStarts: string[] | null,
  ) {
    return this.service.measureCharts(viewer, measureId, { chartType, baselineMonths, phaseStarts });
  }

  @ResolveField(() => SeriesChart, {
    nullable: true,
    description: 'One site\'s series, for selecting its points in full while `sites` asks only what small multiples draw. Null for a site not in the network.',
  })
  site(@Parent() charts: MeasureCharts, @Args('siteId', { type: () => ID }) siteId: string): SeriesChart | null {
    return charts.sites.find((series) => series.site?.id === siteId) ?? null;
  }
}
