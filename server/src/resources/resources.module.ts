import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { ThreadsModule } from '../threads/threads.module';
import { EngagementService } from './engagement.service';
import {
  LineageNodeResolver,
  ResourceFieldsResolver,
  ResourceUseResolver,
  ResourceVersionResolver,
} from './resource-fields.resolver';
import { ResourceLoaders } from './resource.loaders';
import { ResourceRepository } from './resource.repository';
import { ResourcesResolver } from './resources.resolver';
import { ResourcesService } from './resources.service';

// The search index (ResourceSearchIndex) is provided by the global SearchIndexModule.
// Discussion on a resource is a live thread (Thread with subjectType RESOURCE, subjectId its id).
@Module({
  imports: [NetworksModule, ThreadsModule],
  providers: [
    ResourceRepository,
    ResourcesService,
    EngagementService,
    ResourceLoaders,
    ResourcesResolver,
    ResourceFieldsResolver,
    ResourceVersionResolver,
    ResourceUseResolver,
    LineageNodeResolver,
  ],
  exports: [ResourcesService, ResourceRepository, ResourceLoaders],
})
export class ResourcesModule {}
