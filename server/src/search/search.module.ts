import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { NetworksModule } from '../networks/networks.module';
import { ResourcesModule } from '../resources/resources.module';
import { SearchIndexModule } from './search-index.module';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** The search API. The engine itself lives in SearchIndexModule, which writers import. */
@Module({
  imports: [SearchIndexModule, ResourcesModule, NetworksModule, GroupsModule],
  providers: [SearchService, SearchResolver],
})
export class SearchModule {}
