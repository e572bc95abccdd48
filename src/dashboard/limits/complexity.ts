// Complexity of an operation (graphql-query-complexity with the fields' own estimators),
// remembered per document, operation and the values of the variables the measurement reads.
// The measurement reads a variable when it appears in a directive (`@include(if: $b)`,
// `@skip`) or in an argument of a field whose complexity is a function of its arguments
// (`first`, `level`, `parentCode`…); the other variables (a station code) cannot change it.
import { GraphQLError, visit, type ASTNode, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DomainError } from '../../common/errors/domain-error.js';
import { forEachField, type Fragments } from './operation-tree.js';
import type { CoercedVariables } from './variables.js';

interface Remembered {
  /** Variables the measurement reads, sorted. */
  read: readonly string[];
  byValues: Map<string, number>;
}

// Apollo keeps one parsed DocumentNode per query text.
const MEASURED = new WeakMap<DocumentNode, Map<string, Remembered>>();
const MAX_VARIANTS = 100;

export interface ComplexityInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Fragments;
  /** As sent: graphql-query-complexity coerces them again itself. */
  rawVariables: Readonly<Record<string, unknown>>;
  variables: CoercedVariables;
  /** Above the operation's selection count (countSelections): graphql-query-complexity gives up past it. */
  maxNodes: number;
}

export function operationComplexity(input: ComplexityInput): number {
  const name = input.operation.name?.value ?? '';
  let perOperation = MEASURED.get(input.document);
  if (!perOperation) MEASURED.set(input.document, (perOperation = new Map()));
  let remembered = perOperation.get(name);
  if (!remembered) perOperation.set(name, (remembered = { read: variablesRead(input), byValues: new Map() }));
  const key = JSON.stringify(remembered.read.map((variable) => input.variables[variable] ?? null));
  const known = remembered.byValues.get(key);
  if (known !== undefined) return known;
  const complexity = measure(input);
  if (remembered.byValues.size < MAX_VARIANTS) remembered.byValues.set(key, complexity);
  return complexity;
}

function measure(input: ComplexityInput): number {
  try {
    return getComplexity({
      schema: input.schema,
      query: input.document,
      operationName: input.operation.name?.value,
      variables: { ...input.rawVariables },
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: input.maxNodes,
    });
  } catch (error) {
    // What it reports about the document was refused before it ran (validation, variables, size).
    if (error instanceof GraphQLError) throw DomainError.badInput(error.message);
    throw error;
  }
}

/** Names of the variables in directives anywhere in the document and in arguments of fields with a complexity function. */
function variablesRead(input: ComplexityInput): string[] {
  const read = new Set<string>();
  const collect = (node: ASTNode): void => {
    visit(node, { Variable: (variable) => void read.add(variable.name.value) });
  };
  visit(input.document, { Directive: (directive) => void collect(directive) });
  forEachField(input.schema, input.operation, input.fragments, ({ field, node }) => {
    if (typeof field.extensions?.complexity === 'function') for (const argument of node.arguments ?? []) collect(argument);
  });
  return [...read].sort();
}
