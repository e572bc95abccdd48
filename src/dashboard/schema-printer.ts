// Builds the GraphQL schema from the resolver classes alone (no database, no HTTP) and
// prints it the way the app's autoSchemaFile does, so `npm run schema:print` and the
// running app always agree (test/dashboard/schema.spec.ts compares them).
import './enums.js';
import { NestFactory } from '@nestjs/core';
import { GRAPHQL_SDL_FILE_HEADER, GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { SCHEMA_RESOLVERS } from './dashboard.resolvers.js';

export async function buildSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await app.get(GraphQLSchemaFactory).create(SCHEMA_RESOLVERS);
  } finally {
    await app.close();
  }
}

/** The committed schema.gql text of a schema. */
export function schemaFileText(schema: GraphQLSchema): string {
  return GRAPHQL_SDL_FILE_HEADER + printSchema(lexicographicSortSchema(schema));
}
