import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FieldCost } from '../../platform/graphql/field-cost';

export enum DiffLineKind {
  CONTEXT = 'CONTEXT',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(DiffLineKind, { name: 'DiffLineKind' });

@ObjectType()
export class DiffLine {
  @Field(() => DiffLineKind) kind: DiffLineKind;
  @Field() text: string;
}

@ObjectType({ description: 'A run of changed lines with a little unchanged context around it.' })
export class DiffHunk {
  @Field(() => Int) oldStart: number;
  @Field(() => Int) oldLines: number;
  @Field(() => Int) newStart: number;
  @Field(() => Int) newLines: number;
  @Field(() => [DiffLine], { complexity: FieldCost.computedList }) lines: DiffLine[];
}

@ObjectType({ description: 'How one field changed between two versions.' })
export class FieldDiff {
  @Field({ description: 'kind, title, summary, body, tags, audiences, license or site.' }) field: string;
  @Field(() => [DiffHunk], { complexity: FieldCost.computedList }) hunks: DiffHunk[];
}

@ObjectType({ description: 'The changes between two versions of a resource, line by line.' })
export class ResourceDiff {
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => [FieldDiff], { description: 'Only the fields that changed.', complexity: FieldCost.computedList })
  fields: FieldDiff[];
}
