import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Measure } from '../../measures/models/measure.model';
import { Site } from '../../networks/models/site.model';
import { ChartType } from '../../platform/graphql/enums';
import { FieldCost } from '../../platform/graphql/field-cost';

@ObjectType({ description: 'A number as the viewer may see it: its value, or the label that replaces it ("<11").' })
export class ShownCount {
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => String, { nullable: true, description: 'Set when the number is withheld.' }) label: string | null;
}

@ObjectType()
export class ChartPointView {
  @Field() month: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Proportion 0-1, events per unit, mean or count; null when left out.',
  })
  value: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the point is left out: SUPPRESSED, ZERO_DENOMINATOR, MISSING_VALUE, INVALID_VALUE.',
  })
  excluded: string | null;
  @Field(() => ShownCount, { nullable: true }) numerator: ShownCount | null;
  @Field(() => ShownCount, { nullable: true }) denominator: ShownCount | null;
  @Field({
    description:
      'Network series: a month not every site has reported yet, drawn but (by default) left out of limits and signals.',
  })
  provisional: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'Network series, months not every site has reported: the sites that have.',
  })
  sitesReported: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Network series, months not every site has reported: the sites that report this measure by then.',
  })
  sites: number | null;
  @Field(() => Int) phase: number;
  @Field() inBaseline: boolean;
  @Field(() => Float, { nullable: true }) centre: number | null;
  @Field(() => Float, { nullable: true }) lower: number | null;
  @Field(() => Float, { nullable: true }) upper: number | null;
  @Field(() => String, { nullable: true, description: 'above or below, when outside the limits.' }) beyondLimits:
    string | null;
  @Field() inLongRun: boolean;
}

@ObjectType({ description: "A signal or notice on a chart, as data the client words in the reader's language." })
export class ChartSignal {
  @Field({
    description: 'shift, longRun, fewCrossings, beyondLimits, pointExcluded, limitsUnavailable or incompleteMonth.',
  })
  key: string;
  @Field(() => Int, { nullable: true }) phase: number | null;
  @Field(() => String, { nullable: true }) side: string | null;
  @Field(() => Int, { nullable: true }) length: number | null;
  @Field(() => String, { nullable: true }) fromMonth: string | null;
  @Field(() => String, { nullable: true }) toMonth: string | null;
  @Field(() => String, { nullable: true }) month: string | null;
  @Field(() => Int, { nullable: true }) crossings: number | null;
  @Field(() => Int, { nullable: true }) expectedAtLeast: number | null;
  @Field(() => Int, { nullable: true }) months: number | null;
  @Field(() => String, { nullable: true, description: 'median or average.' }) centre: string | null;
  @Field(() => String, { nullable: true, description: 'improvement, deterioration or neutral.' }) assessment:
    string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Int, { nullable: true, description: 'shift: months on the old side before it.' }) before: number | null;
  @Field(() => Int, { nullable: true, description: 'shift: months on the new side since.' }) after: number | null;
  @Field(() => Int, { nullable: true, description: 'incompleteMonth: sites that have reported it.' }) sitesReported:
    number | null;
  @Field(() => Int, { nullable: true, description: 'incompleteMonth: sites that report this measure by then.' }) sites:
    number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'incompleteMonth: whether it was left out of limits and signals.',
  })
  leftOut: boolean | null;
}

@ObjectType({ description: "One chart: a site's series, or the network's pooled series when site is null." })
export class SeriesChart {
  @Field(() => Site, { nullable: true }) site: Site | null;
  @Field({ description: 'False when small counts of this site are suppressed for the viewer.' }) fullyVisible: boolean;
  @Field(() => ChartType) chartType: ChartType;
  @Field(() => [ChartPointView], { complexity: FieldCost.computedList }) points: ChartPointView[];
  @Field(() => [ChartSignal], { complexity: FieldCost.computedList }) signals: ChartSignal[];
}

@ObjectType()
export class FunnelSiteView {
  @Field(() => Site) site: Site;
  @Field(() => Float) value: number;
  @Field(() => Float) denominator: number;
  @Field() position95: string;
  @Field() position998: string;
  @Field() assessment: string;
}

@ObjectType()
export class FunnelCurveView {
  @Field(() => Float) denominator: number;
  @Field(() => Float) lower95: number;
  @Field(() => Float) upper95: number;
  @Field(() => Float) lower998: number;
  @Field(() => Float) upper998: number;
}

@ObjectType({ description: 'A month not every site has reported: how many have, out of how many.' })
export class MonthCoverageView {
  @Field() month: string;
  @Field(() => Int) sitesReported: number;
  @Field(() => Int) sites: number;
}

@ObjectType({ description: 'Sites compared over the last months, with 95% and 99.8% limits around the network value.' })
export class FunnelView {
  @Field(() => Int) months: number;
  @Field() fromMonth: string;
  @Field() toMonth: string;
  @Field(() => Float, { nullable: true }) target: number | null;
  @Field(() => [FunnelSiteView], { complexity: FieldCost.computedList }) sites: FunnelSiteView[];
  @Field(() => Int, { description: 'Sites left out (suppressed or no data).' }) sitesLeftOut: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Overdispersion φ (Spiegelhalter 2005), from z-scores winsorised 10% each side; null with fewer than 4 sites.',
  })
  phi: number | null;
  @Field({ description: 'True when the sites vary more than chance would make them (χ² test, 5%).' })
  overdispersed: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'φ when the limits were widened by √φ for overdispersion; null for plain limits.',
  })
  limitsWidenedBy: number | null;
  @Field(() => [MonthCoverageView], {
    complexity: FieldCost.computedList,
    description: 'Later months left out because not every site has reported them.',
  })
  incompleteMonthsLeftOut: MonthCoverageView[];
  @Field(() => [MonthCoverageView], {
    complexity: FieldCost.computedList,
    description: 'Months in the window that not every site has reported; their sites are compared over fewer months.',
  })
  incompleteMonthsIncluded: MonthCoverageView[];
  @Field(() => [FunnelCurveView], { complexity: FieldCost.computedList }) curve: FunnelCurveView[];
}

@ObjectType({ description: 'Everything to chart one measure: the network, every site, and funnels.' })
export class MeasureCharts {
  @Field(() => Measure) measure: Measure;
  @Field(() => Int) suppressionThreshold: number;
  @Field(() => SeriesChart) network: SeriesChart;
  @Field(() => [SeriesChart], { complexity: FieldCost.computedList }) sites: SeriesChart[];
  @Field(() => [FunnelView], { description: 'Proportion and rate measures only.', complexity: FieldCost.computedList })
  funnels: FunnelView[];
}
