// Property decorators for the push interface's field formats, built on class-validator so
// that every DTO states its rules once and the OpenAPI document is generated from the same
// classes. Messages name the field, because problems are reported by path and reason.
import { IsDefined, IsOptional, ValidateBy, ValidateNested, buildMessage, type ValidationOptions } from 'class-validator';
import { isIsoMonth } from '../../domain/dates.js';
import { CONTROL_CHARACTERS_REASON, charLength, hasControlCharacters } from '../../domain/text.js';

export const STATION_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const REGION_CODE_PATTERN = /^\d{6}$/;
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
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
  if (hasControlCharacters(value)) return CONTROL_CHARACTERS_REASON;
  // '/' cannot travel in a path segment.
  if (value.includes('/')) return "must not contain '/'";
  if (value.trim() !== value) return 'must not begin or end with white space';
  return null;
}

/** The field must be present and not null. */
export function Required(): PropertyDecorator {
  return IsDefined({ message: '$property is required' });
}

/** The field may be absent or null; it is stored as null (or its documented default). */
export function Optional(): PropertyDecorator {
  return IsOptional();
}

/** A natural key of at most `max` characters: no control characters, no '/', no outer spaces. */
export function IsKey(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKey',
      validator: {
        validate: (value: unknown) => keyProblem(value, max) === null,
        defaultMessage: (args) => `$property ${keyProblem(args?.value, max) ?? 'is malformed'}`,
      },
    },
    options,
  );
}

/** A station code: 1 to 32 characters of A-Z, a-z, 0-9, _ and -. */
export function IsStationCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStationCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && STATION_CODE_PATTERN.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a station code of 1 to 32 characters A-Z, a-z, 0-9, _ and -`, options),
      },
    },
    options,
  );
}

/** A 6-digit GB/T 2260 administrative division code. */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && REGION_CODE_PATTERN.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a 6-digit administrative division code (GB/T 2260)`, options),
      },
    },
    options,
  );
}

/** A string of `min`..`max` characters without control characters (line breaks allowed when multiline). */
export function IsText(max: number, opts: { min?: number; multiline?: boolean } = {}, options?: ValidationOptions): PropertyDecorator {
  const min = opts.min ?? 1;
  const problem = (value: unknown): string | null => {
    if (typeof value !== 'string') return 'must be a string';
    const length = charLength(value);
    if (length < min || length > max) return min === 0 ? `must be at most ${max} characters long` : `must be ${min} to ${max} characters long`;
    if (hasControlCharacters(value, opts.multiline)) return CONTROL_CHARACTERS_REASON;
    return null;
  };
  return ValidateBy(
    {
      name: 'isText',
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args) => `$property ${problem(args?.value) ?? 'is malformed'}`,
      },
    },
    options,
  );
}

/** A real calendar date 'YYYY-MM-DD' between 1900-01-01 and 2100-12-31. */
export function IsDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && value >= MIN_DATE && value <= MAX_DATE,
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}`, options),
      },
    },
    options,
  );
}

/** A month 'YYYY-MM' between 1900-01 and 2100-12. */
export function IsMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoMonth',
      validator: {
        validate: (value: unknown) => isIsoMonth(value) && value >= MIN_DATE.slice(0, 7) && value <= MAX_DATE.slice(0, 7),
        defaultMessage: buildMessage((each) => `${each}$property must be a month YYYY-MM between 1900-01 and 2100-12`, options),
      },
    },
    options,
  );
}

/** An amount of yuan as a decimal string: up to 12 integer digits and 2 decimals ("2000", "2000.50"). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && MONEY_PATTERN.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a decimal string of yuan such as "2000" or "2000.50" (at most 12 digits before the point and 2 after)`, options),
      },
    },
    options,
  );
}

/** An integer in min..max (no strings, no fractions). */
export function IsIntIn(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntIn',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: buildMessage((each) => `${each}$property must be an integer from ${min} to ${max}`, options),
      },
    },
    options,
  );
}

/** A number in min..max with at most `decimals` decimal places. */
export function IsDecimalIn(min: number, max: number, decimals: number, options?: ValidationOptions): PropertyDecorator {
  const factor = 10 ** decimals;
  return ValidateBy(
    {
      name: 'isDecimalIn',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && Math.abs(Math.round(value * factor) - value * factor) < 1e-6,
        defaultMessage: buildMessage((each) => `${each}$property must be a number from ${min} to ${max} with at most ${decimals} decimal place${decimals === 1 ? '' : 's'}`, options),
      },
    },
    options,
  );
}

/** A boolean (true or false, not "true" or 1). */
export function IsBool(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBool',
      validator: {
        validate: (value: unknown) => typeof value === 'boolean',
        defaultMessage: buildMessage((each) => `${each}$property must be true or false`, options),
      },
    },
    options,
  );
}

/** One value of a closed vocabulary. */
export function IsOneOf(values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOneOf',
      constraints: [values],
      validator: {
        validate: (value: unknown) => typeof value === 'string' && values.includes(value),
        defaultMessage: buildMessage((each) => `${each}$property must be one of ${values.join(', ')}`, options),
      },
    },
    options,
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
  return ValidateBy({
    name: 'isSetOf',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: (args) => `$property ${problem(args?.value) ?? 'is malformed'}`,
    },
  });
}

/** A JSON array of at most `max` items. */
export function IsList(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'isList',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.length <= max,
      defaultMessage: (args) => (Array.isArray(args?.value) ? `$property must hold at most ${max} items` : '$property must be an array'),
    },
  });
}

/** A JSON object (not an array, not null). */
export function IsPlainObject(): PropertyDecorator {
  return ValidateBy({
    name: 'isPlainObject',
    validator: {
      validate: (value: unknown) => isPlainObject(value),
      defaultMessage: () => '$property must be a JSON object',
    },
  });
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

/** The nested DTO class of a property, looking through base classes. */
export function nestedTypeOf(ctor: object, property: string): (() => new () => object) | undefined {
  return nestedTypesOf(ctor)?.get(property);
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
