import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { NetworksModule } from '../networks/networks.module';
import { ChartsResolver } from './charts.resolver';
import { ChartsService } from './charts.service';

/** Run and control charts of a measure's reports, read through the measures capability. */
@Module({
  imports: [MeasuresModule, NetworksModule],
  providers: [ChartsService, ChartsResolver],
})
export class ChartsModule {}
