import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from './app.module';
import { loadConfig } from './platform/config/config';
import { createLogger } from './platform/logging/logger';

export const SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

/** The schema as SDL, sorted, exactly as committed in server/schema.graphql. */
export function printAppSchema(host: GraphQLSchemaHost): string {
  return `${printSchema(lexicographicSortSchema(host.schema))}\n`;
}

/** Builds the app without connecting anywhere (Prisma connects on first query) and prints its schema. */
export async function buildSchemaSdl(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(
    AppModule.register(config, 'postgresql://unused@127.0.0.1:1/unused', createLogger('silent')),
    { logger: false },
  );
  await app.init();
  const sdl = printAppSchema(app.get(GraphQLSchemaHost));
  await app.close();
  return sdl;
}

async function emit() {
  writeFileSync(SCHEMA_FILE, await buildSchemaSdl());
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) void emit();
