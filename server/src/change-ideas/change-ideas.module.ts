import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { ThreadsModule } from '../threads/threads.module';
import {
  ChangeIdeaDecisionResolver,
  ChangeIdeaFieldsResolver,
  CoDesignerResolver,
  DecisionParticipantResolver,
  DriverChangeIdeasResolver,
  MeasureChartsPdsaResolver,
  PdsaAnnotationResolver,
  PdsaCycleFieldsResolver,
} from './change-idea-fields.resolver';
import { ChangeIdeaLoaders } from './change-idea.loaders';
import { ChangeIdeaRepository } from './change-idea.repository';
import { ChangeIdeasResolver } from './change-ideas.resolver';
import { ChangeIdeasService } from './change-ideas.service';
import { DecisionRepository } from './decision.repository';
import { DecisionsResolver } from './decisions.resolver';
import { DecisionsService } from './decisions.service';
import { PdsaCycleRepository } from './pdsa-cycle.repository';
import { PdsaCyclesResolver } from './pdsa-cycles.resolver';
import { PdsaCyclesService } from './pdsa-cycles.service';

// The live thread of an idea is a Thread with subjectType CHANGE_IDEA and subjectId the idea's id;
// every change of a decision on it is announced there (idea:changed), so pages open on the idea
// refresh. Proposals in that thread (ProposalsModule) may be the basis of a decision.
@Module({
  imports: [NetworksModule, NotificationsModule, ThreadsModule, ProposalsModule],
  providers: [
    ChangeIdeaRepository,
    DecisionRepository,
    PdsaCycleRepository,
    ChangeIdeasService,
    DecisionsService,
    DecisionsResolver,
    PdsaCyclesService,
    ChangeIdeaLoaders,
    ChangeIdeasResolver,
    PdsaCyclesResolver,
    ChangeIdeaFieldsResolver,
    CoDesignerResolver,
    ChangeIdeaDecisionResolver,
    DecisionParticipantResolver,
    PdsaCycleFieldsResolver,
    PdsaAnnotationResolver,
    DriverChangeIdeasResolver,
    MeasureChartsPdsaResolver,
  ],
  exports: [ChangeIdeasService, ChangeIdeaRepository],
})
export class ChangeIdeasModule {}
