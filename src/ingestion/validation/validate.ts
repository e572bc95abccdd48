// Validation of pushed JSON against the DTO classes: class-validator with unknown fields
// rejected, every problem reported by path, nothing coerced. Rows become class instances
// through a small copy (toInstance) rather than class-transformer: no type conversion
// happens, so what is validated is exactly what was sent.
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { DomainError, type FieldProblem } from '../../common/errors/domain-error.js';
import { validateCompiled } from './compiled-validator.js';
import { isPlainObject, nestedTypesOf } from './field-rules.js';

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

export interface PathProblem {
  path: string;
  reason: string;
}

/** How to read one row of a resource: its DTO, natural key, cross-field rules and normal form. */
export interface RowSpec<Dto extends object, Row> {
  dto: new () => Dto;
  /** The natural key of a raw row, for problem reports and duplicate detection (undefined when unreadable). */
  keyOf?: (raw: Record<string, unknown>) => string | undefined;
  /** Word used in duplicate-key reasons, e.g. 'externalId'. */
  keyName?: string;
  /**
   * Rules across fields. Runs on every row, so that one answer lists every problem; `failed`
   * holds the top-level fields that already failed, whose values must not be trusted.
   */
  check?: (dto: Dto, failed: ReadonlySet<string>) => PathProblem[];
  /** The row as stored and digested: defaults applied, order-free arrays sorted. */
  normalize: (dto: Dto) => Row;
}

// Names inherited from Object.prototype (constructor, __proto__, hasOwnProperty, …) slip
// through class-validator's whitelist, which looks them up in a plain object; they are
// reported here instead and never copied.
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/**
 * A plain object copied into an instance of `type` (and its nested DTOs), values untouched.
 * Keys named like Object.prototype members are left out and reported in `reserved`.
 */
export function toInstance<T extends object>(type: new () => T, plain: Record<string, unknown>, reserved: string[] = [], prefix = ''): T {
  const instance = new type();
  const nestedTypes = nestedTypesOf(type);
  for (const key of Object.keys(plain)) {
    if (INHERITED.has(key)) {
      reserved.push(prefix ? `${prefix}.${key}` : key);
      continue;
    }
    let value = plain[key];
    const nested = nestedTypes?.get(key);
    if (nested && typeof value === 'object' && value !== null) {
      const nestedType = nested();
      const path = prefix ? `${prefix}.${key}` : key;
      value = Array.isArray(value)
        ? value.map((item: unknown, i) => (isPlainObject(item) ? toInstance(nestedType, item, reserved, `${path}[${i}]`) : item))
        : toInstance(nestedType, value as Record<string, unknown>, reserved, path);
    }
    (instance as Record<string, unknown>)[key] = value;
  }
  return instance;
}

/**
 * Like toInstance, but the parsed object itself takes the DTO's prototype instead of being
 * copied: for request bodies, which are parsed afresh per request and belong to nobody else
 * (8% of validation time on 1,000-row batches). Keys named like Object.prototype members
 * are removed and reported in `reserved`, in the order toInstance reports them.
 */
export function adoptInstance<T extends object>(type: new () => T, plain: Record<string, unknown>, reserved: string[] = [], prefix = ''): T {
  const nestedTypes = nestedTypesOf(type);
  for (const key of Object.keys(plain)) {
    if (INHERITED.has(key)) {
      reserved.push(prefix ? `${prefix}.${key}` : key);
      delete plain[key];
      continue;
    }
    const nested = nestedTypes?.get(key);
    const value = plain[key];
    if (nested && typeof value === 'object' && value !== null) {
      const nestedType = nested();
      const path = prefix ? `${prefix}.${key}` : key;
      if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => {
          if (isPlainObject(item)) adoptInstance(nestedType, item, reserved, `${path}[${i}]`);
        });
      } else {
        adoptInstance(nestedType, value as Record<string, unknown>, reserved, path);
      }
    }
  }
  Object.setPrototypeOf(plain, type.prototype);
  return plain as T;
}

/** class-validator's error tree as flat problems with paths like `trainings[0].year`. */
export function flattenErrors(errors: ValidationError[], prefix = '', out: PathProblem[] = []): PathProblem[] {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    for (const [name, message] of Object.entries(error.constraints ?? {})) {
      out.push({ path, reason: name === 'whitelistValidation' ? 'unknown field: not part of the interface' : message });
    }
    if (error.children?.length) flattenErrors(error.children, path, out);
  }
  return out;
}

/**
 * How DTO instances are checked: 'compiled' runs class-validator's metadata and constraint
 * functions through validateCompiled (the default, see compiled-validator.ts for why);
 * 'class-validator' calls validateSync, the reference the differential test compares with.
 */
export type ValidationEngine = 'compiled' | 'class-validator';

const NONE_FAILED: ReadonlySet<string> = new Set();

function fieldProblems(dto: object, engine: ValidationEngine): PathProblem[] {
  if (engine === 'class-validator') return flattenErrors(validateSync(dto, VALIDATOR_OPTIONS));
  const out: PathProblem[] = [];
  validateCompiled(dto, out);
  return out;
}

export interface ValidateOptions {
  engine?: ValidationEngine;
  /** Validate the given objects in place (adoptInstance) rather than copies: request bodies only. */
  adopt?: boolean;
}

/** Validates one raw row: its normal form, or the problems that stop it. */
export function validateRow<Dto extends object, Row>(
  spec: RowSpec<Dto, Row>,
  raw: unknown,
  opts: ValidateOptions = {},
): { row: Row; problems: [] } | { row: null; problems: PathProblem[] } {
  if (!isPlainObject(raw)) return { row: null, problems: [{ path: '', reason: 'must be a JSON object' }] };
  const reserved: string[] = [];
  const dto = opts.adopt ? adoptInstance(spec.dto, raw, reserved) : toInstance(spec.dto, raw, reserved);
  const problems = fieldProblems(dto, opts.engine ?? 'compiled');
  for (const path of reserved) problems.push({ path, reason: 'unknown field: not part of the interface' });
  if (spec.check) {
    const failed = problems.length === 0 ? NONE_FAILED : new Set(problems.map((p) => p.path.split(/[.[]/, 1)[0]));
    problems.push(...spec.check(dto, failed));
  }
  if (problems.length > 0) return { row: null, problems };
  return { row: spec.normalize(dto), problems: [] };
}

/** A single-object body (a station profile, one bonus event): its normal form, or 400. */
export function parseOne<Dto extends object, Row>(spec: RowSpec<Dto, Row>, body: unknown, what: string, opts: ValidateOptions = {}): Row {
  if (!isPlainObject(body)) throw DomainError.badInput(`the body must be a JSON object (${what})`, [{ path: '', reason: 'must be a JSON object' }]);
  const result = validateRow(spec, body, opts);
  if (result.row === null) throw DomainError.badInput(`${what} is invalid; nothing was stored`, result.problems);
  return result.row;
}

/**
 * A batch body `{ "items": [...] }`: every row validated (all problems collected, not the
 * first), duplicate keys inside the batch reported with each duplicate's index, and the
 * row limit checked before any row is read. All or nothing: any problem is a 400.
 */
export function parseBatch<Dto extends object, Row>(spec: RowSpec<Dto, Row>, body: unknown, maxRows: number, opts: ValidateOptions = {}): Row[] {
  if (!isPlainObject(body)) {
    throw DomainError.badInput('the body must be a JSON object { "items": [...] }', [{ path: '', reason: 'must be a JSON object with an items array' }]);
  }
  const envelope: FieldProblem[] = Object.keys(body)
    .filter((k) => k !== 'items')
    .map((k) => ({ path: k, reason: 'unknown field: a batch body holds only items' }));
  const items = body.items;
  if (!Array.isArray(items)) envelope.push({ path: 'items', reason: items === undefined ? 'items is required' : 'items must be an array' });
  if (envelope.length > 0) throw DomainError.badInput('the batch envelope is invalid; nothing was stored', envelope);
  const rows = items as unknown[];
  if (rows.length > maxRows) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `a batch holds at most ${maxRows} rows; this one has ${rows.length}. Split it into several requests.`);
  }
  const problems: FieldProblem[] = [];
  const out: Row[] = [];
  const firstIndexOfKey = new Map<string, number>();
  const badRows = new Set<number>();
  rows.forEach((raw, index) => {
    const key = isPlainObject(raw) && spec.keyOf ? spec.keyOf(raw) : undefined;
    const result = validateRow(spec, raw, opts);
    for (const p of result.problems) problems.push({ index, ...(key !== undefined ? { key } : {}), path: p.path, reason: p.reason });
    if (result.row === null) badRows.add(index);
    else out.push(result.row);
    if (key !== undefined) {
      const first = firstIndexOfKey.get(key);
      if (first === undefined) firstIndexOfKey.set(key, index);
      else {
        badRows.add(index);
        problems.push({ index, key, path: spec.keyName ?? 'key', reason: `duplicate ${spec.keyName ?? 'key'} in this batch (first at index ${first})` });
      }
    }
  });
  if (problems.length > 0) {
    problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    throw DomainError.badInput(`${badRows.size} of ${rows.length} rows are invalid; nothing was stored`, problems);
  }
  return out;
}
