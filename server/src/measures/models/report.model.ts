import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Site } from '../../networks/models/site.model';
import { ReportStatus } from '../../platform/graphql/enums';
import { Measure } from './measure.model';
import { FieldCost } from '../../platform/graphql/field-cost';

@ObjectType({ description: 'One saved state of a report: what it held, who saved it, when and why.' })
export class ReportRevision {
  @Field(() => Int) version: number;
  @Field(() => Int, { nullable: true }) numerator: number | null;
  @Field(() => Int, { nullable: true }) denominator: number | null;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() changedByName: string;
  @Field() changedAt: Date;
}

@ObjectType({ description: "A measure in a site's month: its current numbers, or nothing yet." })
export class ReportEntry {
  @Field(() => Measure) measure: Measure;
  @Field(() => ID, { nullable: true }) reportId: string | null;
  @Field(() => Int, { nullable: true }) numerator: number | null;
  @Field(() => Int, { nullable: true }) denominator: number | null;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => ReportStatus, { nullable: true }) status: ReportStatus | null;
  @Field(() => Int, { description: 'Send it back as expectedVersion when saving; 0 when nothing is saved yet.' })
  version: number;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
  @Field(() => String, { nullable: true }) updatedByName: string | null;
  @Field(() => [ReportRevision], { description: 'Every saved state, newest first.' }) history: ReportRevision[];
}

@ObjectType({ description: 'All measures of one site for one month: the reporting form.' })
export class MonthReport {
  @Field(() => Site) site: Site;
  @Field() month: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
  @Field({
    description:
      "When (ISO 8601, UTC) the month may be submitted: once it has ended, or the network's grace days before. Drafts may be saved at any time.",
  })
  submissionOpensAt: string;
  @Field(() => [ReportEntry]) entries: ReportEntry[];
}

export enum CellStatus {
  SUBMITTED = 'SUBMITTED',
  LATE = 'LATE',
  DRAFT = 'DRAFT',
  MISSING = 'MISSING',
  NOT_DUE = 'NOT_DUE',
}
registerEnumType(CellStatus, {
  name: 'CellStatus',
  description:
    'SUBMITTED on time; LATE (submitted after the due date); DRAFT; MISSING (due and not submitted); NOT_DUE.',
});

@ObjectType()
export class CompletenessCell {
  @Field() month: string;
  @Field(() => CellStatus) status: CellStatus;
  @Field(() => Int) submitted: number;
  @Field(() => Int) drafts: number;
}

@ObjectType()
export class CompletenessRow {
  @Field(() => Site) site: Site;
  @Field(() => [CompletenessCell], { complexity: FieldCost.computedList }) cells: CompletenessCell[];
}

@ObjectType({ description: "Which site has reported which month, for all of a network's measures." })
export class Completeness {
  @Field(() => [String]) months: string[];
  @Field(() => Int) measureCount: number;
  @Field(() => [CompletenessRow], { complexity: FieldCost.computedList }) rows: CompletenessRow[];
}

@ObjectType()
export class OverdueMonth {
  @Field(() => Site) site: Site;
  @Field() month: string;
  @Field() dueDate: string;
  @Field(() => CellStatus) status: CellStatus;
}

@ObjectType()
export class ImportProblem {
  @Field(() => Int, { description: 'Line in the file, counting the header as line 1.' }) line: number;
  @Field({ description: 'The column the problem is in.' }) column: string;
  @Field({ description: 'A field-issue code (ISSUE_CODES in the shared package): what a client translates.' })
  code: string;
  @Field(() => [IssueParam], { description: 'The numbers and words the translation of the code puts in its sentence.' })
  params: IssueParam[];
  @Field({ description: 'The problem in English, for API users.' }) message: string;
}

@ObjectType({ description: 'One parameter of a field issue, e.g. max = 160.' })
export class IssueParam {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType({ description: 'What importing a CSV file would do. Nothing is written unless every row is valid.' })
export class ImportPreview {
  @Field() valid: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int, { description: 'Rows that add or change a report.' }) changes: number;
  @Field(() => Int, { description: 'Rows identical to what is already reported.' }) unchanged: number;
  @Field(() => [ImportProblem]) problems: ImportProblem[];
}
