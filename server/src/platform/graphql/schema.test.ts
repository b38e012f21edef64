import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaSdl, SCHEMA_FILE } from '../../emit-schema';

describe('server/schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after changing resolvers or models)', async () => {
    const built = await buildSchemaSdl();
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(built);
  });
});
