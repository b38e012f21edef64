import {
  type DynamicModule,
  Global,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AimsModule } from './aims/aims.module';
import { AuthModule } from './auth/auth.module';
import { ChangeIdeasModule } from './change-ideas/change-ideas.module';
import { ChartsModule } from './charts/charts.module';
import { ProposalsModule } from './proposals/proposals.module';
import { FilesModule } from './files/files.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MeasuresModule } from './measures/measures.module';
import { MembersModule } from './members/members.module';
import { NetworksModule } from './networks/networks.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlatformAuthModule } from './platform/auth/platform-auth.module';
import { SessionMiddleware } from './platform/auth/session.middleware';
import { APP_CONFIG, type AppConfig } from './platform/config/config';
import { DatabaseModule } from './platform/database/database.module';
import { DATABASE_URL } from './platform/database/database.tokens';
import { PrismaService } from './platform/database/prisma.service';
import { graphqlOptions } from './platform/graphql/graphql.config';
import { QueryBatchMiddleware } from './platform/graphql/query-batch.middleware';
import { GraphqlExceptionsFilter } from './platform/graphql/graphql-exceptions.filter';
import { requestLogOptions } from './platform/logging/logger';
import { MailModule } from './mail/mail.module';
import { RealtimeModule } from './platform/realtime/realtime.module';
import { RedisModule } from './platform/redis/redis.module';
import { ResourcesModule } from './resources/resources.module';
import { SearchIndexModule } from './search/search-index.module';
import { SearchModule } from './search/search.module';
import { SetupModule } from './setup/setup.module';
import { ThreadsModule } from './threads/threads.module';

export const PINO = Symbol('PINO');

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: PINO, useValue: logger },
      ],
      exports: [APP_CONFIG, DATABASE_URL, PINO],
    };
  }
}

@Module({})
export class AppModule implements NestModule {
  static register(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionsFilter }],
      imports: [
        ConfigModule.register(config, databaseUrl, logger),
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(logger) }),
        DatabaseModule,
        RedisModule,
        MailModule,
        HealthModule,
        PlatformAuthModule,
        RealtimeModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [PrismaService],
          useFactory: (prisma: PrismaService) => graphqlOptions(config, prisma, logger),
        }),
        NetworksModule,
        MembersModule,
        InvitationsModule,
        AuthModule,
        MeasuresModule,
        ChartsModule,
        AimsModule,
        SearchIndexModule,
        ResourcesModule,
        SearchModule,
        FilesModule,
        NotificationsModule,
        ChangeIdeasModule,
        ProposalsModule,
        GroupsModule,
        HomeModule,
        ThreadsModule,
        SetupModule,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(SessionMiddleware).forRoutes('*path');
    consumer.apply(QueryBatchMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}
