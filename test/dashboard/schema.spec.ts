// The committed schema.gql is the app's schema: a schema change without regenerating the
// file (npm run schema:print) fails here.
import { readFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import { buildSchema, schemaFileText } from '../../src/dashboard/schema-printer.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

test('schema.gql matches the schema the app serves', async () => {
  const committed = await readFile(new URL('../../schema.gql', import.meta.url), 'utf8');
  const served = schemaFileText(t.app.get(GraphQLSchemaHost).schema);
  expect(served).toBe(committed);
});

test('the schema printer builds the same schema without a database', async () => {
  expect(schemaFileText(await buildSchema())).toBe(schemaFileText(t.app.get(GraphQLSchemaHost).schema));
});

test('the example operations in README.md are valid against the schema', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const schema = t.app.get(GraphQLSchemaHost).schema;
  for (const block of blocks) expect(validate(schema, parse(block)).map((e) => e.message)).toEqual([]);
});
