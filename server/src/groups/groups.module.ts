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
// Search: groups are not indexed yet. The PostgreSQL engine searches the Resource table's own
// tsvector, so a GROUP search type needs a document column on WorkingGroup (a migration) and a
// visibility filter for invite-only groups; GroupsService.start/edit/archive are where it would index.
@Module({
  imports: [ResourcesModule, NotificationsModule, ThreadsModule],
  providers: [GroupRepository, GroupsService, GroupLoaders, GroupsResolver, WorkingGroupFieldsResolver, ShelfItemResolver, GroupViewerMembershipResolver],
  exports: [GroupsService],
})
export class GroupsModule {}
