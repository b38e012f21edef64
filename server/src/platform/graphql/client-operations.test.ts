import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { TestApp } from '../../test-support/test-app';
import { checkDocumentSize, operationCost, type QueryLimits } from './query-limits';

const GENERATED = path.resolve(__dirname, '../../../../client/src/gql/gql.ts');

/** Every document the web app holds (graphql-codegen's map), operations and fragments. */
function clientDocuments(): DocumentNode[] {
  const source = readFileSync(GENERATED, 'utf8');
  const map = source.match(/type Documents = \{([\s\S]*?)\n\};/);
  if (!map) throw new Error(`no document map in ${GENERATED}`);
  return [...map[1].matchAll(/^ {4}("(?:[^"\\]|\\.)*"):/gm)].map((match) => parse(JSON.parse(match[1]) as string));
}

/** Each operation with the fragments it spreads, as the client sends it. */
function clientOperations(): { name: string; document: DocumentNode }[] {
  const documents = clientDocuments();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const document of documents)
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return documents.flatMap((document) =>
    document.definitions
      .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => {
        const needed = new Map<string, DefinitionNode>();
        const collect = (node: DefinitionNode) =>
          visit(node, {
            FragmentSpread(spread) {
              const fragment = fragments.get(spread.name.value);
              if (fragment && !needed.has(fragment.name.value)) {
                needed.set(fragment.name.value, fragment);
                collect(fragment);
              }
            },
          });
        collect(operation);
        return {
          name: operation.name?.value ?? '(anonymous)',
          document: { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] },
        };
      }),
  );
}

describe('every operation the web app sends, under the default limits', () => {
  let app: TestApp;
  const config = loadConfig({});
  const limits: QueryLimits = {
    maxTokens: config.graphqlMaxTokens,
    maxFields: config.graphqlMaxFields,
    maxAliases: config.graphqlMaxAliases,
    maxRootFields: config.graphqlMaxRootFields,
    maxDepth: config.graphqlMaxDepth,
    maxCost: config.graphqlMaxCost,
  };

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.skipIf(!existsSync(GENERATED))('passes the size limits and leaves a quarter of the cost budget spare', () => {
    const schema = app.server.app.get(GraphQLSchemaHost).schema;
    // A value for each variable; page sizes as the web app asks (20-30 items; lists shown whole ask for 100 literally).
    const valueOf = (type: GraphQLInputType, name: string): unknown => {
      if (isNonNullType(type)) return valueOf(type.ofType, name);
      if (isListType(type)) return [valueOf(type.ofType, name)];
      if (isEnumType(type)) return type.getValues()[0].value;
      if (isInputObjectType(type)) {
        const required = Object.values(type.getFields()).filter(
          (field) => isNonNullType(field.type) && field.defaultValue === undefined,
        );
        return Object.fromEntries(required.map((field) => [field.name, valueOf(field.type, field.name)]));
      }
      if (type.name === 'Int') return name === 'first' || name === 'last' ? 30 : 1;
      if (type.name === 'ID') return randomUUID();
      return type.name === 'Boolean' ? false : type.name === 'Float' ? 1 : 'x';
    };
    const operations = clientOperations();
    const costs: Record<string, number> = {};
    for (const { name, document } of operations) {
      expect(() => checkDocumentSize(print(document), limits), name).not.toThrow();
      const operation = document.definitions[0];
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          valueOf(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value),
        ]),
      );
      costs[name] = operationCost(schema, document, variables, name);
    }

    const tooCostly = Object.entries(costs).filter(([, cost]) => cost > limits.maxCost * 0.75);
    expect(tooCostly).toEqual([]);
    expect(Object.keys(costs).length).toBeGreaterThan(50);
  });
});
