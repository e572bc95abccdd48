// Checks every operation once it is parsed, validated and chosen, before the response cache
// or any resolver sees it: its size (selections, fragments counted where spread), depth,
// variables (coerced to their declared types), the text of its arguments, what its
// introspection would return and its complexity. The first failed check answers HTTP 400
// with one error: QUERY_TOO_COMPLEX naming the limit and the measured value, or
// BAD_USER_INPUT with the problems by path. Nothing is executed.
// (The document's token count is limited by the parser itself: GRAPHQL_MAX_TOKENS, app.module.ts.)
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { DocumentNode, FieldNode, GraphQLField, GraphQLSchema } from 'graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { toRequestGraphQLError } from '../common/errors/graphql-errors.js';
import { operationComplexity } from './limits/complexity.js';
import { INTROSPECTION_ROOTS, fullIntrospectionSize, introspectionSize } from './limits/introspection-size.js';
import { countSelections, forEachField, fragmentsOf, operationDepth, type Fragments, type VisitedField } from './limits/operation-tree.js';
import { textArgumentProblems } from './limits/text-arguments.js';
import { coerceVariables, type CoercedVariables } from './limits/variables.js';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Selections of an operation (fields, aliases, fragments), fragments counted at every spread. */
  maxFields: number;
}

/** Introspection may return at most this many times what the full standard introspection query returns. */
export const INTROSPECTION_FACTOR = 2;

type Context = Pick<GraphQLRequestContextDidResolveOperation<object>, 'schema' | 'document' | 'operation' | 'request'>;
type IntrospectionRoot = { field: GraphQLField<unknown, unknown>; node: FieldNode };

/** What an operation is, whatever its variables: measured once per parsed document (Apollo keeps one per query text). */
interface Shape {
  fragments: Fragments;
  selections: number;
  depth: number;
  /** The fields below are known once the operation was walked (only when within the field limit). */
  walked: boolean;
  /** Fields that take arguments: where text is checked. */
  withArguments: VisitedField[];
  introspection: IntrospectionRoot[];
}

const SHAPES = new WeakMap<DocumentNode, Map<string, Shape>>();

/** Throws the GraphQL error refusing the operation, or returns when it may run. */
export function checkOperation(context: Context, limits: QueryLimits): void {
  const { schema, document, operation } = context;
  if (!operation) return;
  // Validation lets a subscription through; this schema has none (execution would fail with a 500).
  if (!schema.getRootType(operation.operation)) {
    throw toRequestGraphQLError(DomainError.badInput(`this API has no ${operation.operation} operations`, [{ path: operation.operation, reason: 'use query or mutation' }]));
  }
  const shape = shapeOf(context, limits);
  const coerced = coerceVariables(schema, operation, context.request.variables);
  if (coerced.problems) throw toRequestGraphQLError(DomainError.badInput('variables do not match their declared types', coerced.problems));
  const variables = coerced.variables;
  const text = textArgumentProblems(shape.withArguments, variables);
  if (text.length > 0) throw toRequestGraphQLError(DomainError.badInput('arguments hold characters that are not allowed', text));

  if (shape.introspection.length > 0) checkIntrospection(schema, shape, variables);
  const complexity = measured(() =>
    operationComplexity({ schema, document, operation, fragments: shape.fragments, rawVariables: context.request.variables ?? {}, variables, maxNodes: limits.maxFields + 1 }),
  );
  if (complexity > limits.maxComplexity) {
    throw tooComplex(`query complexity ${complexity} exceeds the limit of ${limits.maxComplexity} (GRAPHQL_MAX_COMPLEXITY); ask for fewer items (first) or fewer fields`);
  }
}

/** The operation's shape, refused when it has too many fields or is too deep. */
function shapeOf({ schema, document, operation }: Context, limits: QueryLimits): Shape {
  let shapes = SHAPES.get(document);
  if (!shapes) SHAPES.set(document, (shapes = new Map()));
  const name = operation!.name?.value ?? '';
  let shape = shapes.get(name);
  if (!shape) {
    // Counting and depth are memoized per fragment: linear in the document, whatever it spreads.
    const fragments = fragmentsOf(document);
    const selections = countSelections(operation!.selectionSet, fragments);
    shape = { fragments, selections, depth: operationDepth(operation!.selectionSet, fragments), walked: false, withArguments: [], introspection: [] };
    shapes.set(name, shape);
  }
  if (shape.selections > limits.maxFields) {
    throw tooComplex(
      `query selection count ${shape.selections} exceeds the limit of ${limits.maxFields} (GRAPHQL_MAX_FIELDS); every field, alias and fragment counts, fragments where they are spread`,
    );
  }
  if (shape.depth > limits.maxDepth) throw tooComplex(`query depth ${shape.depth} exceeds the limit of ${limits.maxDepth} (GRAPHQL_MAX_DEPTH)`);
  if (!shape.walked) {
    // Walking visits every field where it is spread: bounded by the selection limit just checked.
    const known = shape;
    forEachField(schema, operation!, shape.fragments, (visited) => {
      if (visited.field.args.length > 0) known.withArguments.push(visited);
      if (visited.path.length === 1 && INTROSPECTION_ROOTS.has(visited.field.name)) known.introspection.push(visited);
    });
    shape.walked = true;
  }
  return shape;
}

function checkIntrospection(schema: GraphQLSchema, shape: Shape, variables: CoercedVariables): void {
  const budget = INTROSPECTION_FACTOR * fullIntrospectionSize(schema);
  const size = measured(() => introspectionSize(schema, shape.fragments, variables, shape.introspection, budget));
  if (size > budget) {
    throw tooComplex(
      `introspection size over ${budget} values exceeds the limit of ${INTROSPECTION_FACTOR}× the full introspection query; ask for __schema once, without aliases or repeated nesting`,
    );
  }
}

/** A DomainError from a measurement is refused like every other; anything else is a fault. */
function measured<T>(measure: () => T): T {
  try {
    return measure();
  } catch (error) {
    if (error instanceof DomainError) throw toRequestGraphQLError(error);
    throw error;
  }
}

function tooComplex(message: string): Error {
  return toRequestGraphQLError(new DomainError('QUERY_TOO_COMPLEX', message));
}

/** Apollo plugin enforcing the limits. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          checkOperation(context, limits);
        },
      };
    },
  };
}
