import { DomainError } from '../common/errors/domain-error.js';

/** `?limit=` of a paged read: an integer 1..max, `fallback` when absent. */
export function parseLimit(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw DomainError.badInput('malformed limit', [{ path: 'limit', reason: `limit must be an integer from 1 to ${max}` }]);
  return n;
}

/** An optional query parameter that must match a pattern when present. */
export function parseOptional(value: string | undefined, name: string, check: (v: string) => string | null): string | undefined {
  if (value === undefined || value === '') return undefined;
  const problem = check(value);
  if (problem) throw DomainError.badInput(`malformed ${name}`, [{ path: name, reason: problem }]);
  return value;
}

/** An optional `true`/`false` query parameter; undefined when absent. */
export function parseBoolean(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw DomainError.badInput(`malformed ${name}`, [{ path: name, reason: `${name} must be true or false` }]);
}
