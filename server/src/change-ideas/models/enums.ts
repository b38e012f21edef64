import { registerEnumType } from '@nestjs/graphql';
import { ChangeIdeaStatus, CoDesignerStatus, PdsaAct, PdsaStage } from '../../generated/prisma/enums';

registerEnumType(ChangeIdeaStatus, {
  name: 'ChangeIdeaStatus',
  description: 'Where a change idea stands: PROPOSED → CO_DESIGN → TESTING → ADOPTED | ADAPTED | ABANDONED.',
});
registerEnumType(CoDesignerStatus, { name: 'CoDesignerStatus', description: 'INVITED until the member accepts (ACTIVE) or declines; LEFT when she stepped back.' });
registerEnumType(PdsaStage, { name: 'PdsaStage', description: 'Plan, Do, Study, Act.' });
registerEnumType(PdsaAct, { name: 'PdsaAct', description: 'What the site decided after studying the test.' });

export { ChangeIdeaStatus, CoDesignerStatus, PdsaAct, PdsaStage };
