// Query depth and complexity limits, checked once the operation is known and before any
// resolver runs. Over a limit: one error with extensions.code QUERY_TOO_COMPLEX naming the
// limit and the measured value, HTTP 400, nothing executed.
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DomainError } from '../common/errors/domain-error.js';
import { toRequestGraphQLError } from '../common/errors/graphql-errors.js';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Depth of an operation: the longest chain of nested fields, fragments inlined.
 * Introspection fields (`__schema`, `__type`) are not counted, so tools can read the schema.
 */
export function operationDepth(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen: ReadonlySet<string> = new Set()): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? operationDepth(selection.selectionSet, fragments, seen) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, operationDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment spreading itself is rejected by validation already; guard anyway.
      if (fragment === undefined || seen.has(name)) continue;
      deepest = Math.max(deepest, operationDepth(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

// Apollo keeps one parsed DocumentNode per query text, so measurements are remembered per
// document and per the values of its numeric variables: the estimators read Int arguments
// only (first, level), so other variables (station codes…) cannot change the result.
const MEASURED = new WeakMap<object, Map<string, { depth: number; complexity: number }>>();
const MAX_VARIANTS = 100;

export function measure(schema: GraphQLSchema, context: Pick<GraphQLRequestContextDidResolveOperation<object>, 'document' | 'operation' | 'request'>): { depth: number; complexity: number } {
  const operation = context.operation;
  if (!operation) return { depth: 0, complexity: 0 };
  const variables = context.request.variables ?? {};
  const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(Object.entries(variables).filter(([, v]) => typeof v !== 'string' && typeof v !== 'boolean'))}`;
  let known = MEASURED.get(context.document);
  const hit = known?.get(key);
  if (hit) return hit;
  const measured = compute(schema, context.document, operation, variables);
  if (!known) MEASURED.set(context.document, (known = new Map()));
  if (known.size < MAX_VARIANTS) known.set(key, measured);
  return measured;
}

function compute(
  schema: GraphQLSchema,
  document: GraphQLRequestContextDidResolveOperation<object>['document'],
  operation: NonNullable<GraphQLRequestContextDidResolveOperation<object>['operation']>,
  variables: Record<string, unknown>,
): { depth: number; complexity: number } {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const depth = operationDepth(operation.selectionSet, fragments);
  const complexity = getComplexity({
    schema,
    query: document,
    operationName: operation.name?.value,
    variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  return { depth, complexity };
}

/** Apollo plugin enforcing the limits. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const { depth, complexity } = measure(context.schema, context);
          if (depth > limits.maxDepth) {
            throw toRequestGraphQLError(new DomainError('QUERY_TOO_COMPLEX', `query depth ${depth} exceeds the limit of ${limits.maxDepth} (GRAPHQL_MAX_DEPTH)`));
          }
          if (complexity > limits.maxComplexity) {
            throw toRequestGraphQLError(
              new DomainError(
                'QUERY_TOO_COMPLEX',
                `query complexity ${complexity} exceeds the limit of ${limits.maxComplexity} (GRAPHQL_MAX_COMPLEXITY); ask for fewer items (first) or fewer fields`,
              ),
            );
          }
        },
      };
    },
  };
}
