import { DomainError } from '../common/errors/domain-error.js';
import { MAX_YEAR, MIN_YEAR, keyProblem } from './validation/field-rules.js';

/** A natural key from a path segment (already percent-decoded by the router). */
export function checkKeyParam(value: string, name: string, max = 64): string {
  const problem = keyProblem(value, max);
  if (problem) throw DomainError.badInput(`malformed ${name}`, [{ path: name, reason: `${name} ${problem}` }]);
  return value;
}

/** A rating or calendar year from a path segment. */
export function checkYearParam(value: string, name = 'year'): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw DomainError.badInput(`malformed ${name}`, [{ path: name, reason: `${name} must be a year from ${MIN_YEAR} to ${MAX_YEAR}` }]);
  }
  return year;
}
