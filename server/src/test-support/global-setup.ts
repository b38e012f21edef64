import path from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { migrate } from '../platform/database/migrator';
import { databaseUrl, uniqueName, withAdminClient } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database per run; each test file copies it (see test-database.ts). */
export default async function setup(project: TestProject) {
  const template = uniqueName('commons_template');
  await withAdminClient((client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrl(template), path.resolve(__dirname, '../../../prisma/migrations'));
  project.provide('templateDatabase', template);
  return async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
