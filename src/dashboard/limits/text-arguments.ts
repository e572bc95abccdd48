// One check for the text of every argument of every field, literals and variables alike,
// after coercion and before any resolver runs: the REST side's character rule (control and
// invisible formatting characters, lone surrogates: src/domain/text.ts), so that no
// resolver or service has to repeat it.
import { GraphQLError, getArgumentValues } from 'graphql';
import type { FieldProblem } from '../../common/errors/domain-error.js';
import { textCharacterProblem } from '../../domain/text.js';
import type { VisitedField } from './operation-tree.js';
import type { CoercedVariables } from './variables.js';

/**
 * Arguments and input fields of free text (a reviewer's note, a justification, a reason) may
 * hold line breaks and tabs, like the REST side's multiline fields; every other string
 * (names, codes, ids, searches, evidence references) may not.
 */
export const FREE_TEXT_NAMES: ReadonlySet<string> = new Set(['note', 'justification', 'reason']);

const MAX_PROBLEMS = 20;

/**
 * Problems of the argument values of the operation's fields that take arguments (forEachField
 * finds them), by path `field.argument.inputField[index]`; empty when all is well.
 */
export function textArgumentProblems(fields: readonly VisitedField[], variables: CoercedVariables): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const { field, node, path } of fields) {
    if (problems.length >= MAX_PROBLEMS) break;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, variables);
    } catch (error) {
      // Validation and variable coercion leave nothing for this to find; report it as input anyway.
      if (!(error instanceof GraphQLError)) throw error;
      problems.push({ path: path.join('.'), reason: error.message });
      continue;
    }
    for (const [name, value] of Object.entries(values)) check(value, `${path.join('.')}.${name}`, FREE_TEXT_NAMES.has(name), problems);
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function check(value: unknown, path: string, multiline: boolean, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    const reason = textCharacterProblem(value, multiline);
    if (reason !== null) problems.push({ path, reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}[${i}]`, multiline, problems));
  } else if (isInputObject(value)) {
    for (const [name, field] of Object.entries(value)) check(field, `${path}.${name}`, FREE_TEXT_NAMES.has(name), problems);
  }
}

/** A coerced input object (plain, or without a prototype); scalars such as DateTime are class instances. */
function isInputObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
