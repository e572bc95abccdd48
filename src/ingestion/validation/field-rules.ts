// Property decorators for the push interface's field formats, built on class-validator so
// that every DTO states its rules once; each rule also records the schema keywords it
// enforces, and the OpenAPI document publishes those (see the end of this file). Messages
// name the field, because problems are reported by path and reason.
import { IsDefined, IsOptional, ValidateBy, ValidateNested, buildMessage, type ValidationOptions } from 'class-validator';
import { isIsoMonth } from '../../domain/dates.js';
import { CONTROL, INVISIBLE, LONE_SURROGATE, TEXT_CONTROL, charLength, textCharacterProblem } from '../../domain/text.js';

export const STATION_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
// GB/T 2260: six digits, never starting with 00.
export const REGION_CODE_PATTERN = /^(?:0[1-9]|[1-9][0-9])[0-9]{4}$/;
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
const NOT_BLANK = /\S/;
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

// The control-character rule is shared with GraphQL (src/domain/text.ts).
export { charLength };

/** Why a natural key (externalId, caseNumber, eventKey, subject) is malformed, or null. */
export function keyProblem(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return 'must be a string';
  const length = charLength(value);
  if (length < 1 || length > max) return `must be 1 to ${max} characters long`;
  const characters = textCharacterProblem(value);
  if (characters !== null) return characters;
  // '/' cannot travel in a path segment.
  if (value.includes('/')) return "must not contain '/'";
  if (value.trim() !== value) return 'must not begin or end with white space';
  return null;
}


/** The field must be present and not null. */
export function Required(): PropertyDecorator {
  return documented({ [REQUIRED]: true }, IsDefined({ message: '$property is required' }));
}

/** The field may be absent or null; it is stored as null (or its documented default). */
export function Optional(): PropertyDecorator {
  return documented({ [REQUIRED]: false, nullable: true }, IsOptional());
}

/** A natural key of at most `max` characters: no control characters, no '/', no outer spaces. */
export function IsKey(max: number, options?: ValidationOptions): PropertyDecorator {
  return documented(
    keySchema(max),
    ValidateBy(
      {
        name: 'isKey',
        validator: {
          validate: (value: unknown) => keyProblem(value, max) === null,
          defaultMessage: (args) => `$property ${keyProblem(args?.value, max) ?? 'is malformed'}`,
        },
      },
      options,
    ),
  );
}

/** A station code: 1 to 32 characters of A-Z, a-z, 0-9, _ and -. */
export function IsStationCode(options?: ValidationOptions): PropertyDecorator {
  return documented(
    STATION_CODE_SCHEMA,
    ValidateBy(
      {
        name: 'isStationCode',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && STATION_CODE_PATTERN.test(value),
          defaultMessage: buildMessage((each) => `${each}$property must be a station code of 1 to 32 characters A-Z, a-z, 0-9, _ and -`, options),
        },
      },
      options,
    ),
  );
}

/** A 6-digit GB/T 2260 administrative division code. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return documented(
    REGION_CODE_SCHEMA,
    ValidateBy(
      {
        name: 'isRegionCode',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && REGION_CODE_PATTERN.test(value),
          defaultMessage: buildMessage((each) => `${each}$property must be a 6-digit administrative division code (GB/T 2260)`, options),
        },
      },
      options,
    ),
  );
}

/**
 * A string of `min`..`max` characters without control characters (line breaks allowed when
 * multiline), not blank when required (min ≥ 1); a single-line text (a name, a number, a
 * label) also without invisible formatting characters.
 */
export function IsText(max: number, opts: { min?: number; multiline?: boolean } = {}, options?: ValidationOptions): PropertyDecorator {
  const min = opts.min ?? 1;
  const problem = (value: unknown): string | null => {
    if (typeof value !== 'string') return 'must be a string';
    const length = charLength(value);
    if (length < min || length > max) return min === 0 ? `must be at most ${max} characters long` : `must be ${min} to ${max} characters long`;
    const characters = textCharacterProblem(value, opts.multiline === true);
    if (characters !== null) return characters;
    if (min > 0 && !NOT_BLANK.test(value)) return 'must not be blank';
    return null;
  };
  return documented(
    textSchema(min, max, opts.multiline === true),
    ValidateBy(
      {
        name: 'isText',
        validator: {
          validate: (value: unknown) => problem(value) === null,
          defaultMessage: (args) => `$property ${problem(args?.value) ?? 'is malformed'}`,
        },
      },
      options,
    ),
  );
}

/**
 * The range of a date or month field: from `min` to `max`, where max 'today' (the default
 * for facts that have happened) is today's date on the earliest calendar on Earth (UTC+14),
 * so that a county's clock is never ahead of it.
 */
export interface DateRange {
  min: string;
  max: string;
}

export const TODAY = 'today';
/** A fact that has happened: a hire, a check, a decision, an event. */
export const PAST: DateRange = { min: MIN_DATE, max: TODAY };
/** Any date the interface can hold (an expiry lies ahead). */
export const ANY_DATE: DateRange = { min: MIN_DATE, max: MAX_DATE };

/** A real calendar date 'YYYY-MM-DD' within `range`. */
export function IsDate(range: DateRange = ANY_DATE, options?: ValidationOptions): PropertyDecorator {
  const shown = range.max === TODAY ? 'today' : range.max;
  return documented(
    dateSchema(range),
    ValidateBy(
      {
        name: 'isIsoDate',
        validator: {
          validate: (value: unknown) => isCalendarDate(value) && value >= range.min && value <= upperDate(range.max),
          defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD between ${range.min} and ${shown}`, options),
        },
      },
      options,
    ),
  );
}

/** A month 'YYYY-MM' within `range` (its months). */
export function IsMonth(range: DateRange = ANY_DATE, options?: ValidationOptions): PropertyDecorator {
  const shown = range.max === TODAY ? 'the current month' : range.max.slice(0, 7);
  return documented(
    monthSchema(range),
    ValidateBy(
      {
        name: 'isIsoMonth',
        validator: {
          validate: (value: unknown) => isIsoMonth(value) && value >= range.min.slice(0, 7) && value <= upperDate(range.max).slice(0, 7),
          defaultMessage: buildMessage((each) => `${each}$property must be a month YYYY-MM between ${range.min.slice(0, 7)} and ${shown}`, options),
        },
      },
      options,
    ),
  );
}

/** An amount of yuan as a decimal string: up to 12 integer digits and 2 decimals ("2000", "2000.50"). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return documented(
    { type: 'string', pattern: MONEY_PATTERN.source, maxLength: 15 },
    ValidateBy(
      {
        name: 'isMoney',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && MONEY_PATTERN.test(value),
          defaultMessage: buildMessage((each) => `${each}$property must be a decimal string of yuan such as "2000" or "2000.50" (at most 12 digits before the point and 2 after)`, options),
        },
      },
      options,
    ),
  );
}

/** An integer in min..max (no strings, no fractions). */
export function IsIntIn(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return documented(
    integerSchema(min, max),
    ValidateBy(
      {
        name: 'isIntIn',
        validator: {
          validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
          defaultMessage: buildMessage((each) => `${each}$property must be an integer from ${min} to ${max}`, options),
        },
      },
      options,
    ),
  );
}

/** A number in min..max with at most `decimals` decimal places (or, with `step`, a multiple of it). */
export function IsDecimalIn(min: number, max: number, decimals: number, step?: number, options?: ValidationOptions): PropertyDecorator {
  const unit = step ?? 10 ** -decimals;
  const what = step === undefined ? `with at most ${decimals} decimal place${decimals === 1 ? '' : 's'}` : `in steps of ${step}`;
  return documented(
    { type: 'number', minimum: min, maximum: max, multipleOf: unit },
    ValidateBy(
      {
        name: 'isDecimalIn',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && Math.abs(Math.round(value / unit) - value / unit) < 1e-6,
          defaultMessage: buildMessage((each) => `${each}$property must be a number from ${min} to ${max} ${what}`, options),
        },
      },
      options,
    ),
  );
}

/** A boolean (true or false, not "true" or 1). */
export function IsBool(options?: ValidationOptions): PropertyDecorator {
  return documented(
    { type: 'boolean' },
    ValidateBy(
      {
        name: 'isBool',
        validator: {
          validate: (value: unknown) => typeof value === 'boolean',
          defaultMessage: buildMessage((each) => `${each}$property must be true or false`, options),
        },
      },
      options,
    ),
  );
}

/** One value of a closed vocabulary. */
export function IsOneOf(values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return documented(
    { type: 'string', enum: [...values] },
    ValidateBy(
      {
        name: 'isOneOf',
        constraints: [values],
        validator: {
          validate: (value: unknown) => typeof value === 'string' && values.includes(value),
          defaultMessage: buildMessage((each) => `${each}$property must be one of ${values.join(', ')}`, options),
        },
      },
      options,
    ),
  );
}

/** An array of distinct values of a closed vocabulary. */
export function IsSetOf(values: readonly string[], maxSize = values.length): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    if (!Array.isArray(value)) return 'must be an array';
    if (value.length > maxSize) return `must hold at most ${maxSize} values`;
    const bad = value.find((v) => typeof v !== 'string' || !values.includes(v));
    if (bad !== undefined) return `holds ${JSON.stringify(bad)}; each value must be one of ${values.join(', ')}`;
    if (new Set(value).size !== value.length) return 'must not hold a value twice';
    return null;
  };
  return documented(
    { type: 'array', items: { type: 'string', enum: [...values] }, uniqueItems: true, maxItems: maxSize },
    ValidateBy({
      name: 'isSetOf',
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args) => `$property ${problem(args?.value) ?? 'is malformed'}`,
      },
    }),
  );
}

/**
 * A JSON array of at most `max` items; `uniqueBy` documents a field its items must not
 * share (checked by the row spec's cross-field rules).
 */
export function IsList(max: number, opts: { uniqueBy?: string } = {}): PropertyDecorator {
  return documented(
    { type: 'array', maxItems: max, ...(opts.uniqueBy ? { 'x-unique-by': [opts.uniqueBy] } : {}) },
    ValidateBy({
      name: 'isList',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.length <= max,
        defaultMessage: (args) => (Array.isArray(args?.value) ? `$property must hold at most ${max} items` : '$property must be an array'),
      },
    }),
  );
}

/** A JSON object (not an array, not null). */
export function IsPlainObject(): PropertyDecorator {
  return documented(
    { type: 'object' },
    ValidateBy({
      name: 'isPlainObject',
      validator: {
        validate: (value: unknown) => isPlainObject(value),
        defaultMessage: () => '$property must be a JSON object',
      },
    }),
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Nested DTO classes by property, so that rows can be turned into class instances without
// class-transformer (see toInstance in validate.ts).
const nestedTypes = new Map<object, Map<string, () => new () => object>>();

/** A nested object (or, with each, an array of them) validated against `type`. */
export function Nested(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  const validate = ValidateNested({ each: options.each });
  return (target: object, property: string | symbol) => {
    const ctor = (target as { constructor: object }).constructor;
    let map = nestedTypes.get(ctor);
    if (!map) nestedTypes.set(ctor, (map = new Map()));
    map.set(String(property), type);
    validate(target, property);
  };
}

const mergedNestedTypes = new Map<object, ReadonlyMap<string, () => new () => object> | null>();

/** The nested DTO classes of a class by property, base classes included (null: none). */
export function nestedTypesOf(ctor: object): ReadonlyMap<string, () => new () => object> | null {
  let merged = mergedNestedTypes.get(ctor);
  if (merged !== undefined) return merged;
  const all = new Map<string, () => new () => object>();
  const chain: object[] = [];
  for (let c: object | null = ctor; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  for (const c of chain) for (const [k, v] of nestedTypes.get(c) ?? []) all.set(k, v);
  merged = all.size > 0 ? all : null;
  mergedNestedTypes.set(ctor, merged);
  return merged;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** isIsoDate (domain/dates.ts) without a Date object per call: same answers, tested. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

// --- The OpenAPI document states what these rules enforce ---------------------------------
// Every rule above records the schema keywords it enforces for its property; after the
// document is generated, applyFieldRules (ingestion/openapi-rules.ts) writes them over what
// the @ApiProperty decorators say, so the published constraints are the validator's own.

/** Schema keywords of a property. Values may depend on configuration (the batch row limit). */
export type SchemaFragment = Record<string, unknown>;
/** Key of a fragment that says whether the property is required (not published as such). */
export const REQUIRED = 'x-scorecard-required';
/** Key of a fragment holding a sentence for the property's description. */
export const RULE_TEXT = 'x-scorecard-rule';

const documentedProperties = new Map<object, Map<string, SchemaFragment>>();
const documentedSchemas = new Map<object, SchemaFragment>();

function documentProperty(target: object, property: string, fragment: SchemaFragment): void {
  const ctor = (target as { constructor: object }).constructor;
  let properties = documentedProperties.get(ctor);
  if (!properties) documentedProperties.set(ctor, (properties = new Map()));
  properties.set(property, { ...properties.get(property), ...fragment });
}

/** A property decorator that also records the schema keywords it enforces. */
export function documented(fragment: SchemaFragment, decorator: PropertyDecorator): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    decorator(target, property);
    documentProperty(target, String(property), fragment);
  };
}

/** A class decorator publishing schema-level keywords (`x-` rules across fields) of a DTO. */
export function DocumentedRules(fragment: SchemaFragment): ClassDecorator {
  return (target) => {
    documentedSchemas.set(target, { ...documentedSchemas.get(target), ...fragment });
  };
}

/** The `items` of a batch envelope: at most MAX_BATCH_ROWS rows, unique by `uniqueBy`. */
export function BatchItems(uniqueBy: readonly string[]): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    documentProperty(target, String(property), { [REQUIRED]: true, type: 'array', maxItems: MAX_BATCH_ROWS_TOKEN, 'x-unique-by': [...uniqueBy] });
}

/** Stands for the configured row limit in a fragment (replaced when the document is built). */
export const MAX_BATCH_ROWS_TOKEN = '$maxBatchRows';

/** The documented DTO classes, each with its property fragments (base classes included) and schema keywords. */
export function documentedClasses(): { ctor: object; properties: Map<string, SchemaFragment>; schema: SchemaFragment }[] {
  const classes = new Set([...documentedProperties.keys(), ...documentedSchemas.keys()]);
  return [...classes].map((ctor) => {
    const properties = new Map<string, SchemaFragment>();
    let schema: SchemaFragment = {};
    const chain: object[] = [];
    for (let c: object | null = ctor; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
    for (const c of chain) {
      for (const [k, v] of documentedProperties.get(c) ?? []) properties.set(k, { ...properties.get(k), ...v });
      schema = { ...schema, ...documentedSchemas.get(c) };
    }
    return { ctor, properties, schema };
  });
}

// Character classes of the text rules, from the very regular expressions that check them.
const classOf = (re: RegExp) => re.source.slice(1, -1);
const KEY_EXCLUDED = `${classOf(CONTROL)}${classOf(INVISIBLE)}${classOf(LONE_SURROGATE)}/`;
const LINE_EXCLUDED = `${classOf(CONTROL)}${classOf(INVISIBLE)}${classOf(LONE_SURROGATE)}`;
const MULTILINE_EXCLUDED = `${classOf(TEXT_CONTROL)}${classOf(LONE_SURROGATE)}`;

/** The schema of a natural key (also for path parameters). */
export function keySchema(max: number): SchemaFragment {
  return {
    type: 'string',
    minLength: 1,
    maxLength: max,
    // A first and a last character that are not white space, none of them excluded.
    pattern: `^[^${KEY_EXCLUDED}\\s](?:[^${KEY_EXCLUDED}]*[^${KEY_EXCLUDED}\\s])?$`,
    [RULE_TEXT]: `1 to ${max} characters (Unicode code points); no control characters, no invisible formatting characters (bidi controls, zero-width characters, U+00AD, U+2028, U+2029, U+FEFF), no lone surrogates, no '/', no white space at either end`,
  };
}

function textSchema(min: number, max: number, multiline: boolean): SchemaFragment {
  const excluded = multiline ? MULTILINE_EXCLUDED : LINE_EXCLUDED;
  return {
    type: 'string',
    minLength: min,
    maxLength: max,
    pattern: min > 0 ? `^[^${excluded}]*[^${excluded}\\s][^${excluded}]*$` : `^[^${excluded}]*$`,
    [RULE_TEXT]:
      `${min > 0 ? `${min} to ${max} characters, not blank` : `at most ${max} characters`} (Unicode code points); ` +
      (multiline
        ? 'no control characters except tab and line breaks; no lone surrogates'
        : 'one line: no control characters, no invisible formatting characters (bidi controls, zero-width characters, U+00AD, U+2028, U+2029, U+FEFF), no lone surrogates'),
  };
}

function integerSchema(min: number, max: number): SchemaFragment {
  const int32 = min >= -2_147_483_648 && max <= 2_147_483_647;
  return { type: 'integer', ...(int32 ? { format: 'int32' } : {}), minimum: min, maximum: max };
}

function dateSchema(range: DateRange): SchemaFragment {
  return {
    type: 'string',
    format: 'date',
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
    'x-minimum': range.min,
    'x-maximum': range.max,
    [RULE_TEXT]: `a calendar date between ${range.min} and ${range.max === TODAY ? 'today (the date in UTC+14)' : range.max}`,
  };
}

function monthSchema(range: DateRange): SchemaFragment {
  return {
    type: 'string',
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
    'x-minimum': range.min.slice(0, 7),
    'x-maximum': range.max === TODAY ? TODAY : range.max.slice(0, 7),
    [RULE_TEXT]: `a month YYYY-MM between ${range.min.slice(0, 7)} and ${range.max === TODAY ? 'the current month (in UTC+14)' : range.max.slice(0, 7)}`,
  };
}

export const STATION_CODE_SCHEMA: SchemaFragment = { type: 'string', minLength: 1, maxLength: 32, pattern: STATION_CODE_PATTERN.source };
export const REGION_CODE_SCHEMA: SchemaFragment = { type: 'string', minLength: 6, maxLength: 6, pattern: REGION_CODE_PATTERN.source };

// --- "today" of the date rules -------------------------------------------------------------
let todayOverride: string | null | undefined;
let cachedDay = Number.NaN;
let cachedToday = '';

/** Today's date on the earliest calendar on Earth (UTC+14): no county's clock is ahead of it. */
export function latestToday(now = Date.now()): string {
  const day = Math.floor((now + 14 * 3_600_000) / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedToday = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return cachedToday;
}

function upperDate(max: string): string {
  if (max !== TODAY) return max;
  if (todayOverride !== undefined) return todayOverride ?? MAX_DATE;
  return latestToday();
}

/**
 * Runs `fn` (synchronous validation) with "today" of the date rules fixed: a date, or null
 * for no bound from the clock (data the system writes as of a date of its choosing).
 */
export function withToday<T>(today: string | null, fn: () => T): T {
  const previous = todayOverride;
  todayOverride = today;
  try {
    return fn();
  } finally {
    todayOverride = previous;
  }
}
