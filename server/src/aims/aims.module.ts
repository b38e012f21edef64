import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { AimRepository } from './aim.repository';
import { AimsResolver } from './aims.resolver';
import { AimsService } from './aims.service';

@Module({ imports: [MeasuresModule], providers: [AimRepository, AimsService, AimsResolver] })
export class AimsModule {}
