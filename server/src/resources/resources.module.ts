import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { SearchIndexModule } from '../search/search-index.module';
import { EngagementService } from './engagement.service';
import { LineageNodeResolver, ResourceFieldsResolver, ResourceUseResolver, ResourceVersionResolver } from './resource-fields.resolver';
import { ResourceLoaders } from './resource.loaders';
import { ResourceRepository } from './resource.repository';
import { ResourcesResolver } from './resources.resolver';
import { ResourcesService } from './resources.service';

// Discussion on a resource will attach a live thread (the co-design issue's Thread) by resource
// id; nothing here needs to change for it beyond a `thread` field on Resource.
@Module({
  imports: [NetworksModule, SearchIndexModule],
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
