// One constraint of the published document broken at a time, in a valid request: a wrong
// type, null or a missing required field, an unknown field, too long or too short, the
// pattern broken (control, invisible, surrogate, '/' characters), out of range, a date out
// of its range, a value outside the enum, too many items, a duplicate item, a duplicate
// JSON key, invalid UTF-8, nesting too deep. Each mutation says at which path the 400 must
// point.
import { addDaysIso, resolve, todayUtc14, type Doc, type Schema } from './schema-values.js';

export type Segment = string | number;

export interface Location {
  path: Segment[];
  schema: Schema;
  required: boolean;
  present: boolean;
  value: unknown;
}

export interface Mutation {
  kind: string;
  path: Segment[];
  /** The problem may lie below the path (nesting, duplicates inside an array). */
  prefix: boolean;
  /** The mutated body: a value to send as JSON, or raw bytes. */
  body: { json: unknown } | { raw: Buffer };
}

export function pathText(path: Segment[]): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}

/** Every place of a value its schema describes: present values, and absent properties. */
export function locations(doc: Doc, raw: Schema, value: unknown, path: Segment[] = [], required = true): Location[] {
  const schema = resolve(doc, raw);
  const out: Location[] = [{ path, schema, required, present: value !== undefined, value }];
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const req = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      out.push(...locations(doc, property, (value as Record<string, unknown>)[name], [...path, name], req.has(name)));
    }
  } else if (schema.type === 'array' && Array.isArray(value) && schema.items) {
    value.forEach((item, i) => out.push(...locations(doc, schema.items!, item, [...path, i], true)));
  }
  return out;
}

const BAD_CHARACTERS = ['\u0000', '\u0007', '\u009b', '\u200b', '\u202e', '\u2066', '\ufeff', '\u2028', '\ud800', '\udc01', '/', '\u00ad'];

/** The mutations possible at one location (none may apply). */
export function mutationsAt(body: unknown, at: Location): Mutation[] {
  const { schema, path } = at;
  const out: Mutation[] = [];
  const set = (value: unknown, kind: string, prefix = false) => out.push({ kind, path, prefix, body: { json: setAt(body, path, value) } });
  const wrong = schema.type === 'string' ? 12345 : schema.type === 'array' ? { not: 'an array' } : schema.type === 'object' ? ['not', 'an object'] : 'not a number or boolean';
  set(wrong, 'wrong type');
  if (at.required && path.length > 0) {
    if (schema.nullable !== true) set(null, 'null for a required field');
    if (typeof path[path.length - 1] === 'string') out.push({ kind: 'missing required field', path, prefix: false, body: { json: setAt(body, path, undefined) } });
  }
  if (schema.enum) set('NOT_A_VALUE', 'outside the enum');
  if (schema.type === 'string' && !schema.enum) stringMutations(schema, at, set);
  if (schema.type === 'integer' || schema.type === 'number') numberMutations(schema, set);
  if (schema.type === 'array' && Array.isArray(at.value) && at.value.length > 0) {
    if ((schema.maxItems ?? Infinity) <= 100) set(Array.from({ length: schema.maxItems! + 1 }, () => at.value && (at.value as unknown[])[0]), 'too many items', true);
    if ((schema.uniqueItems || schema['x-unique-by']) && at.value.length < (schema.maxItems ?? Infinity)) set([...(at.value as unknown[]), (at.value as unknown[])[0]], 'duplicate item', true);
  }
  if (schema.type === 'object' && at.present && at.value && typeof at.value === 'object') {
    out.push({ kind: 'unknown field', path: [...path, 'zzUnknownField'], prefix: false, body: { json: setAt(body, [...path, 'zzUnknownField'], 1) } });
    const keys = Object.keys(at.value);
    if (keys.length > 0) out.push({ kind: 'duplicate JSON key', path: [...path, keys[0]], prefix: false, body: { raw: duplicateKey(body, path, keys[0]) } });
  }
  if (at.present && path.length > 0) out.push({ kind: 'nested too deep', path, prefix: true, body: { raw: replaceRaw(body, path, '['.repeat(20) + ']'.repeat(20)) } });
  if (at.present && typeof at.value === 'string' && at.value.length > 0) out.push({ kind: 'invalid UTF-8', path, prefix: false, body: { raw: invalidUtf8(body, path, at.value) } });
  return out;
}

function stringMutations(schema: Schema, at: Location, set: (value: unknown, kind: string) => void): void {
  const re = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  const base = typeof at.value === 'string' && at.value.length > 0 ? at.value : 'a';
  if (schema.maxLength !== undefined && schema.maxLength <= 2000) set(base + 'a'.repeat(Math.max(1, schema.maxLength + 1 - [...base].length)), 'too long');
  if ((schema.minLength ?? 0) >= 1) set('', 'too short');
  if (re) {
    const middle = Math.floor(base.length / 2);
    for (const c of BAD_CHARACTERS) {
      const broken = base.slice(0, middle) + c + base.slice(middle);
      if (!re.test(broken)) set(broken, `pattern broken with U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    if (!re.test('   ') && (schema.maxLength ?? 3) >= 3) set('   ', 'blank');
  }
  const max = schema['x-maximum'];
  const min = schema['x-minimum'];
  const month = schema.format !== 'date';
  if (typeof max === 'string') {
    const after = max === 'today' ? addDaysIso(todayUtc14(), month ? 40 : 2) : month ? `${Number(max.slice(0, 4)) + 1}-01` : addDaysIso(max, 1);
    set(month ? after.slice(0, 7) : after, 'date after its range');
  }
  if (typeof min === 'string') set(month ? '1899-12' : '1899-12-31', 'date before its range');
}

function numberMutations(schema: Schema, set: (value: unknown, kind: string) => void): void {
  const step = schema.type === 'integer' ? 1 : (schema.multipleOf ?? 0.01);
  if (schema.maximum !== undefined) set(schema.maximum + step, 'above the maximum');
  if (schema.minimum !== undefined) set(schema.minimum - step, 'below the minimum');
  set((schema.minimum ?? 0) + step / 2, schema.type === 'integer' ? 'a fraction for an integer' : 'off the multipleOf grid');
  set(String(schema.minimum ?? 1), 'a number as a string');
}

/** A deep copy with the value at `path` replaced (undefined: removed). */
export function setAt(value: unknown, path: Segment[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  const copy = { ...(value as Record<string, unknown>) };
  const next = setAt(copy[head as string], rest, replacement);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

const MARK = '@@mutation@@';

/** The body as JSON text with the value at `path` written as the given raw text. */
function replaceRaw(body: unknown, path: Segment[], raw: string): Buffer {
  return Buffer.from(JSON.stringify(setAt(body, path, MARK)).replace(`"${MARK}"`, raw));
}

/** The body with the object at `path` naming `key` twice (a different value first). */
function duplicateKey(body: unknown, path: Segment[], key: string): Buffer {
  const object = path.reduce<unknown>((v, s) => (v as Record<string, unknown>)[s as string], body) as Record<string, unknown>;
  const text = JSON.stringify(setAt(body, path, { [MARK]: 0, ...object }));
  return Buffer.from(text.replace(`"${MARK}":0`, `${JSON.stringify(key)}:${JSON.stringify(object[key] ?? null)}`));
}

/** The body with the bytes FF FE inside the string at `path`. */
function invalidUtf8(body: unknown, path: Segment[], value: string): Buffer {
  const [before, after] = JSON.stringify(setAt(body, path, `${value}${MARK}`)).split(MARK);
  return Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
}
