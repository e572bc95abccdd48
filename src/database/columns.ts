// Small helpers so that entity files state constraints once, from the domain vocabulary.
import { createHash } from 'node:crypto';
import { Check, type ValueTransformer } from 'typeorm';

/**
 * A CHECK constraint whose name ends with a short hash of its expression. TypeORM compares
 * checks by name only, so this is what lets the drift test (and migration:generate) see a
 * changed expression: a new expression is a new name.
 */
export function NamedCheck(name: string, expression: string): ClassDecorator & PropertyDecorator {
  const hash = createHash('sha256').update(expression.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);
  return Check(`${name}_${hash}`, expression);
}

/** CHECK expression restricting a varchar column to a closed vocabulary. */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`;
}

/**
 * node-postgres returns NUMERIC as a string to keep precision; points and rates in this
 * domain fit a double exactly (multiples of 0.5, four-decimal fractions), so expose numbers.
 */
export const numericAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** BIGINT identity ids come back as strings; they stay below 2^53 here. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
