import { registerEnumType } from '@nestjs/graphql';
import { CoDesignerStatus, DecisionAnswer, DecisionStatus, PdsaAct } from '../../generated/prisma/enums';
// Registered in platform: notifications name them too.
import { ChangeIdeaStatus, PdsaStage } from '../../platform/graphql/enums';

registerEnumType(CoDesignerStatus, {
  name: 'CoDesignerStatus',
  description: 'INVITED until the member accepts (ACTIVE) or declines; LEFT when she stepped back.',
});
registerEnumType(PdsaAct, { name: 'PdsaAct', description: 'What the site decided after studying the test.' });

registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description:
    'PENDING: waiting for the people named in it to confirm. TAKEN: everyone confirmed and the idea moved. DECLINED: someone declined, which ended it. ' +
    'WITHDRAWN: the member who recorded it took it back. EXPIRED: not everyone confirmed in time.',
});
registerEnumType(DecisionAnswer, {
  name: 'DecisionAnswer',
  description:
    "A participant's answer: WAITING, CONFIRMED or DECLINED. NAMED: recorded before decisions asked for confirmations; she was named, never asked.",
});

export { ChangeIdeaStatus, CoDesignerStatus, DecisionAnswer, DecisionStatus, PdsaAct, PdsaStage };
