// Queries a client sends again (every dashboard sends the same few) run as code compiled by
// graphql-jit instead of graphql-js's generic walk: a station detail resolves about 700
// fields, and graphql-js spends more on walking them (argument maps, paths, completion per
// field, null-prototype results that serialise slowly) than the resolvers do. A document is
// compiled the second time it is seen (a one-off query would pay the compilation for
// nothing); mutations, documents with @skip or @include (graphql-jit orders the keys of a
// response key repeated after a skipped field differently) and any document graphql-jit
// cannot compile run in graphql-js.
// Apollo runs a gateway's executor in place of graphql-js with everything around it
// unchanged (validation, limits, plugins, the response cache, error formatting): the
// executor is set on the started server, which the public options offer only together with
// a federated gateway. GRAPHQL_JIT=false turns this off.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ApolloDriver } from '@nestjs/apollo';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { BREAK, execute, GraphQLError, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** What Apollo passes a gateway executor (the parts read here). */
interface ExecutorRequest {
  document: DocumentNode;
  /** The operation Apollo resolved (undefined when the requested one is not in the document). */
  operation?: OperationDefinitionNode;
  /** The operation name as the client sent it (the context's own `operationName` is the resolved operation's). */
  request: { operationName?: string | null; variables?: Record<string, unknown> };
  context: unknown;
}

type Executor = (request: ExecutorRequest) => Promise<ExecutionResult>;

/** Per operation of a document: how often it ran in graphql-js, or its compiled form, or null (not compilable). */
type Compiled = number | CompiledQuery | null;

// A document is compiled at its second execution.
const COMPILE_AT = 2;

export function jitExecutor(schema: GraphQLSchema, logger?: Logger): Executor {
  // Apollo keeps parsed documents (its document store), so a repeated query is the same object.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  return async ({ document, operation, request, context }) => {
    const { operationName } = request;
    const variableValues = request.variables ?? {};
    const interpreted = () => execute({ schema, document, operationName, contextValue: context, variableValues });
    if (operation?.operation !== 'query') return interpreted();
    let byOperation = compiled.get(document);
    if (byOperation === undefined) compiled.set(document, (byOperation = new Map()));
    const name = operationName ?? '';
    const state = byOperation.get(name) ?? 0;
    if (state === null) return interpreted();
    if (typeof state === 'number') {
      if (state + 1 < COMPILE_AT) {
        byOperation.set(name, state + 1);
        return interpreted();
      }
      if (skipsOrIncludes(document)) {
        byOperation.set(name, null);
        return interpreted();
      }
      const query = compile(schema, document, operationName);
      if (!isCompiledQuery(query)) {
        logger?.warn(`graphql-jit cannot compile operation ${name || '(anonymous)'}: ${query.errors?.map((e) => e.message).join('; ')}; it runs in graphql-js`);
        byOperation.set(name, null);
        return interpreted();
      }
      byOperation.set(name, query);
      return compiledResult(await query.query(undefined, context, variableValues));
    }
    return compiledResult(await state.query(undefined, context, variableValues));
  };
}

/** compileQuery, with a throw (never expected) reported like a refusal: the operation then runs in graphql-js. */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult {
  try {
    return compileQuery(schema, document, operationName ?? undefined);
  } catch (error) {
    return { errors: [new GraphQLError(error instanceof Error ? error.message : String(error))] };
  }
}

function skipsOrIncludes(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * graphql-jit's errors imitate GraphQLError (no `extensions` object, no toJSON), and Apollo's
 * error formatting expects the real one: each becomes a GraphQLError with the same message,
 * locations, path, original error and extensions.
 */
function compiledResult(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? null, extensions: e.extensions });
    if (e.locations !== undefined) Object.defineProperty(error, 'locations', { value: e.locations, enumerable: true });
    return error;
  });
  return { ...result, errors };
}

/** Puts the executor on the started Apollo server (when GRAPHQL_JIT is on). */
@Injectable()
export class JitExecution implements OnApplicationBootstrap {
  private readonly logger = new Logger(JitExecution.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.graphql.jit) return;
    const module = this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, { strict: false });
    const server = module.graphQlAdapter.instance as unknown as { internals?: { gatewayExecutor?: Executor | null } };
    if (server.internals === undefined || !('gatewayExecutor' in server.internals)) {
      // Another Apollo Server whose internals moved: graphql-js keeps running everything.
      this.logger.warn('Apollo Server has no gateway executor slot; queries run in graphql-js');
      return;
    }
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    server.internals.gatewayExecutor = jitExecutor(schema, this.logger);
  }
}
