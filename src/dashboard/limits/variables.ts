// Variables coerced to their declared types once, before anything measures or runs the
// operation, by graphql-js's own coercion (the one execution would use): a wrong value is
// BAD_USER_INPUT with the variable's path, never an error thrown later from a plugin.
import { getVariableValues, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { FieldProblem } from '../../common/errors/domain-error.js';

/** Reported problems per request at most (graphql-js stops coercing after them). */
const MAX_PROBLEMS = 20;

export type CoercedVariables = Readonly<Record<string, unknown>>;

export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Readonly<Record<string, unknown>> | undefined,
): { variables: CoercedVariables; problems: null } | { variables: null; problems: FieldProblem[] } {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: MAX_PROBLEMS });
  if (result.errors === undefined) return { variables: result.coerced, problems: null };
  return { variables: null, problems: result.errors.map(problemOf) };
}

/**
 * graphql-js names the variable and, inside an input object or a list, the path of the bad
 * value in its message: `Variable "$f" got invalid value "x" at "f.stars[1]"; Int cannot …`.
 */
function problemOf(error: GraphQLError): FieldProblem {
  const name = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(error.message)?.[1];
  if (name === undefined) return { path: '$', reason: error.message };
  // Quotes inside the inspected value are escaped, so this cannot match inside it.
  const at = new RegExp(` at "(${name}(?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(error.message);
  // A value that does not coerce carries the coercion's own error; a missing one only the message.
  return { path: `$${at?.[1] ?? name}`, reason: error.originalError?.message ?? error.message };
}
