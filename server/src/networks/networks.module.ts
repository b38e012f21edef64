import { Module } from '@nestjs/common';
import { NetworkRepository } from './network.repository';
import { NetworkResolver } from './network.resolver';
import { NetworkService } from './network.service';
import { SiteResolver } from './site.resolver';

@Module({
  providers: [NetworkRepository, NetworkService, NetworkResolver, SiteResolver],
  exports: [NetworkService],
})
export class NetworksModule {}
