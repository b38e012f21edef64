import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';
import { MeasureImportService } from './measure-import.service';
import { MeasureRepository } from './measure.repository';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';
import { ReportRepository } from './report.repository';
import { ReportingService } from './reporting.service';
import { VisibleReportsService } from './visible-reports.service';

@Module({
  imports: [NetworksModule],
  controllers: [ExportController],
  providers: [
    MeasureRepository,
    ReportRepository,
    MeasuresService,
    ReportingService,
    MeasureImportService,
    VisibleReportsService,
    ExportService,
    MeasuresResolver,
  ],
  exports: [MeasuresService, VisibleReportsService, ReportingService],
})
export class MeasuresModule {}
