import path from 'node:path';
import { Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config';
import { originCheck } from '../platform/http/origin-check';
import { ResourcesModule } from '../resources/resources.module';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsResolver, ResourceAttachmentsResolver } from './attachments.resolver';
import { AttachmentsService } from './attachments.service';
import { FILE_STORAGE } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

/** Attachments of the commons and where their bytes live (DATA_DIR/files by default). */
@Module({
  imports: [ResourcesModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentRepository,
    AttachmentsService,
    AttachmentsResolver,
    ResourceAttachmentsResolver,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'files')),
    },
  ],
})
export class FilesModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer) {
    // The same origin check as /graphql: a cross-site form must not upload with the member's cookie.
    consumer
      .apply(originCheck(this.config.publicUrl))
      .forRoutes({ path: 'files/resources/*path', method: RequestMethod.POST });
  }
}
