import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { MeasureInput, SaveMonthReportInput } from './dto/measure.input';
import { MeasureImportService } from './measure-import.service';
import { MeasuresService } from './measures.service';
import { Measure } from './models/measure.model';
import { Completeness, ImportPreview, MonthReport, OverdueMonth } from './models/report.model';
import { ReportingService } from './reporting.service';

@Resolver(() => Measure)
export class MeasuresResolver {
  constructor(
    private readonly service: MeasuresService,
    private readonly reporting: ReportingService,
    private readonly imports: MeasureImportService,
  ) {}

  @Query(() => [Measure], { description: 'The measures of a network, in their order.' })
  measures(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.service.list(viewer, networkId);
  }

  @Mutation(() => Measure, { description: 'Network admins: define a measure.' })
  createMeasure(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: MeasureInput,
  ) {
    return this.service.create(viewer, networkId, input);
  }

  @Mutation(() => Measure, { description: "Network admins: change a measure's definition (not its kind)." })
  updateMeasure(
    @CurrentViewer() viewer: Viewer,
    @Args('measureId', { type: () => ID }) measureId: string,
    @Args('input') input: MeasureInput,
  ) {
    return this.service.update(viewer, measureId, input);
  }

  @Query(() => MonthReport, { description: "The reporting form of a site for a month, with each report's history." })
  monthReport(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('month') month: string,
  ) {
    return this.reporting.monthReport(viewer, networkId, siteId, month);
  }

  @Mutation(() => MonthReport, {
    description: "Saves a site's month as a draft or submits it. Changing a submitted month needs a reason.",
  })
  saveMonthReport(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveMonthReportInput) {
    return this.reporting.save(viewer, input);
  }

  @Query(() => Completeness, { description: 'What each site has reported, month by month.' })
  completeness(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('months', { type: () => Int, defaultValue: 12 }) months: number,
  ) {
    return this.reporting.completeness(viewer, networkId, months);
  }

  @Query(() => [OverdueMonth], { description: "Months the viewer's site has not submitted although they are due." })
  overdueReports(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.reporting.overdue(viewer, networkId);
  }

  @Mutation(() => ImportPreview, {
    description: 'Checks a CSV file of reports and says what importing it would do. Writes nothing.',
  })
  previewMeasureImport(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('csv') csv: string,
  ) {
    return this.imports.preview(viewer, networkId, csv);
  }

  @Mutation(() => ImportPreview, { description: 'Imports a CSV file of reports: all rows or none.' })
  commitMeasureImport(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('csv') csv: string,
  ) {
    return this.imports.commit(viewer, networkId, csv);
  }
}
