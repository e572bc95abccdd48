// Values generated from the published OpenAPI document alone: types, enums, patterns,
// lengths, ranges, multipleOf, array bounds, uniqueness, required and nullable fields, the
// date ranges (x-minimum / x-maximum, 'today' = the date in UTC+14) and the rules across
// fields the document publishes (x-not-before, x-not-more-than, x-present-if, x-unique-by).
// Values that name other records (a county, a station, a region) come from `refs`.
import fc from 'fast-check';

export type Schema = Record<string, unknown> & {
  type?: string;
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
};

export interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  'x-roles'?: string[];
}

/** Values for properties that name other records, by property name (the document says what they name). */
export type Refs = Record<string, fc.Arbitrary<unknown>>;

const DAY = 86_400_000;

/** Today in UTC+14, as the server's date rules read 'today'. */
export function todayUtc14(now = Date.now()): string {
  return new Date(Math.floor((now + 14 * 3_600_000) / DAY) * DAY).toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** A schema with its $ref and single-$ref allOf followed (siblings such as nullable kept). */
export function resolve(doc: Doc, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf && schema.allOf.length === 1) {
    const { allOf, ...rest } = schema;
    const inner = resolve(doc, allOf[0]);
    return { ...inner, ...rest, type: inner.type ?? rest.type };
  }
  return schema;
}

const codePoints = (s: string) => [...s].length;

/** Strings matching a pattern (Unicode semantics) within the length bounds. */
export function patternString(pattern: string, minLength = 0, maxLength = 200): fc.Arbitrary<string> {
  const re = new RegExp(pattern, 'u');
  const fits = (s: string) => re.test(s) && codePoints(s) >= minLength && codePoints(s) <= maxLength;
  const choices: fc.Arbitrary<string>[] = [fc.stringMatching(re).filter(fits)];
  // Any code point at all (CJK, astral, controls, invisible ones) where the pattern lets most through.
  const wide = fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 40) }).filter(fits);
  if (fc.sample(fc.string({ unit: 'binary', minLength: Math.max(1, minLength), maxLength: 8 }), { numRuns: 40, seed: 7 }).filter(fits).length >= 12) choices.push(wide);
  return fc.oneof(...choices);
}

function dateString(schema: Schema, month: boolean): fc.Arbitrary<string> {
  const bound = (v: unknown, fallback: string) => (v === 'today' ? todayUtc14() : typeof v === 'string' ? v : fallback);
  if (month) {
    const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const [min, max] = [index(bound(schema['x-minimum'], '1900-01')), index(bound(schema['x-maximum'], '2100-12'))];
    return fc.integer({ min, max }).map((i) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  const [min, max] = [bound(schema['x-minimum'], '1900-01-01'), bound(schema['x-maximum'], '2100-12-31')].map((d) => Date.parse(`${d}T00:00:00Z`) / DAY);
  return fc.integer({ min, max }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));
}

function numberValue(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1e6;
  const max = schema.maximum ?? 1e6;
  if (schema.type === 'integer') return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
  const step = schema.multipleOf ?? 0.01;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((k) => Number((k * step).toFixed(decimals)));
}

/** A valid value of a schema. */
export function validValue(doc: Doc, raw: Schema, refs: Refs, name = ''): fc.Arbitrary<unknown> {
  if (name && refs[name]) return refs[name];
  const schema = resolve(doc, raw);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') return dateString(schema, false);
      if (typeof schema['x-minimum'] === 'string') return dateString(schema, true);
      if (schema.pattern) return patternString(schema.pattern, schema.minLength ?? 0, schema.maxLength ?? 200);
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
    case 'integer':
    case 'number':
      return numberValue(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return arrayValue(doc, schema, refs);
    case 'object':
      return objectValue(doc, schema, refs);
    default:
      throw new Error(`no generator for schema ${JSON.stringify(schema).slice(0, 200)}`);
  }
}

function arrayValue(doc: Doc, schema: Schema, refs: Refs): fc.Arbitrary<unknown[]> {
  const item = validValue(doc, schema.items ?? {}, refs);
  const maxLength = Math.min(schema.maxItems ?? 4, 4);
  const by = schema['x-unique-by'] as string[] | undefined;
  if (by) return fc.uniqueArray(item, { maxLength, selector: (v) => JSON.stringify(by.map((k) => (v as Record<string, unknown>)[k])) });
  if (schema.uniqueItems) return fc.uniqueArray(item, { maxLength, selector: (v) => JSON.stringify(v) });
  return fc.array(item, { maxLength });
}

function objectValue(doc: Doc, schema: Schema, refs: Refs): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  // Fields present only under a condition are always generated; withRules drops them where it fails.
  const conditional = new Set(Object.keys((schema['x-present-if'] as object | undefined) ?? {}));
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const value = validValue(doc, property, refs, name);
    const nullable = resolve(doc, property).nullable === true || property.nullable === true;
    parts[name] = required.has(name) || conditional.has(name) ? value : fc.oneof(value, fc.constant(undefined), ...(nullable ? [fc.constant(null)] : []));
  }
  return fc.record(parts).map((o) => withRules(schema, dropUndefined(o)));
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** The document's rules across fields, applied to a generated object. */
function withRules(schema: Schema, o: Record<string, unknown>): Record<string, unknown> {
  for (const [earlier, later] of (schema['x-not-before'] as [string, string][] | undefined) ?? []) {
    const [a, b] = [o[earlier], o[later]];
    if (typeof a === 'string' && typeof b === 'string' && b < a) delete o[later];
  }
  const pairs = (schema['x-not-more-than'] as [string, string][] | undefined) ?? [];
  for (let pass = 0; pass < pairs.length; pass++) {
    for (const [part, whole] of pairs) if ((o[part] as number) > (o[whole] as number)) o[part] = o[whole];
  }
  for (const [field, when] of Object.entries((schema['x-present-if'] as Record<string, Record<string, string[]>> | undefined) ?? {})) {
    if (!Object.entries(when).every(([other, values]) => values.includes(o[other] as string))) delete o[field];
  }
  return o;
}
