import { registerEnumType } from '@nestjs/graphql';
import {
  ChangeIdeaStatus,
  ChartType,
  Direction,
  DriverKind,
  MeasureKind,
  PdsaStage,
  ReportStatus,
  Role,
} from '../../generated/prisma/enums';

registerEnumType(Role, { name: 'Role', description: 'What a member does in a network; decides what they may do.' });
registerEnumType(MeasureKind, {
  name: 'MeasureKind',
  description: 'How a measure is computed: a proportion, a rate per unit, a mean or a count.',
});
registerEnumType(Direction, { name: 'Direction', description: 'Which way is better for a measure.' });
registerEnumType(ChartType, {
  name: 'ChartType',
  description: 'RUN chart, or a Shewhart chart: P, P_PRIME (Laney), U, C, I (XmR).',
});
registerEnumType(ReportStatus, { name: 'ReportStatus' });
registerEnumType(DriverKind, { name: 'DriverKind' });
registerEnumType(ChangeIdeaStatus, {
  name: 'ChangeIdeaStatus',
  description: 'Where a change idea stands: PROPOSED → CO_DESIGN → TESTING → ADOPTED | ADAPTED | ABANDONED.',
});
registerEnumType(PdsaStage, { name: 'PdsaStage', description: 'Plan, Do, Study, Act.' });

export { ChangeIdeaStatus, ChartType, Direction, DriverKind, MeasureKind, PdsaStage, ReportStatus, Role };
