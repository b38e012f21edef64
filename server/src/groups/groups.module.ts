import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResourcesModule } from '../resources/resources.module';
import { ThreadsModule } from '../threads/threads.module';
import { GroupViewerMembershipResolver, ShelfItemResolver, WorkingGroupFieldsResolver } from './group-fields.resolver';
import { GroupLoaders } from './group.loaders';
import { GroupRepository } from './group.repository';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';

// A group's live thread is a Thread with subjectType GROUP and subjectId the group's id; the
// threads capability authorises it from GroupMembership. Leaving or removal rechecks its room.
// Search: WorkingGroup carries a generated search document (see search/idea-group.search.ts),
// current with every write; SearchService asks GroupsService which invite-only groups a viewer may find.
@Module({
  imports: [ResourcesModule, NotificationsModule, ThreadsModule],
  providers: [
    GroupRepository,
    GroupsService,
    GroupLoaders,
    GroupsResolver,
    WorkingGroupFieldsResolver,
    ShelfItemResolver,
    GroupViewerMembershipResolver,
  ],
  exports: [GroupsService],
})
export class GroupsModule {}
