// class-validator's own metadata and constraint functions, executed by a lean loop.
//
// validateSync() recomputes every class's metadata on each call (filters over every
// registered class), allocates a ValidationError per property whether it fails or not, and
// is then flattened into paths. For 1,000-row batches of people with nested trainings that
// was 37 ms per batch on the benchmark machine (25 ms with memoised metadata); this executor
// reads the same decorators once per class, runs the same constraint functions with the
// same options (whitelist + forbidNonWhitelisted, forbidUnknownValues, stopAtFirstError)
// and writes the same messages straight into path problems: about 6 ms per batch. A
// differential test (compiled-validator.spec.ts) holds it to validateSync's answers, with
// two deliberate differences: a value that is no object where a nested object is expected
// is reported at its own path as 'must be a JSON object', where class-validator says 'an
// unknown value was passed to the validate function' at '<path>.undefined'; and an array
// where a nested object is expected (`"trainings": [[]]`) is that same problem, where
// class-validator descends into it, without a depth bound, and accepts `[[]]` (issue 9, F4).
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { isPlainObject } from './field-rules.js';
import type { PathProblem } from './validate.js';

interface Metadata {
  type: string;
  name?: string;
  target: object | string;
  propertyName: string;
  constraints: unknown[];
  constraintCls?: object;
  message?: string | ((args: ValidationArguments) => string);
  each?: boolean;
  always?: boolean;
  groups?: string[];
  context?: unknown;
  validateIf?: (object: object, value: unknown) => boolean;
}

interface Constraint {
  name?: string;
  async?: boolean;
  instance: { validate(value: unknown, args: ValidationArguments): unknown; defaultMessage?(args: ValidationArguments): string };
}

interface PropertyPlan {
  name: string;
  /** IsOptional: skip the property when its value is null or undefined (read once, not per check). */
  optional: boolean;
  /** Other conditional validations (ValidateIf). */
  conditional: Metadata[];
  defined: { meta: Metadata; constraints: Constraint[] }[];
  custom: { meta: Metadata; constraints: Constraint[] }[];
  nested: Metadata[];
}

interface ClassPlan {
  targetName: string;
  allowed: ReadonlySet<string>;
  properties: PropertyPlan[];
}

const plans = new Map<object, ClassPlan>();

/** The validation plan of a DTO class, read once from class-validator's metadata. */
function planFor(target: { name: string }): ClassPlan {
  let plan = plans.get(target);
  if (plan) return plan;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target as new () => object, '', false, false, undefined) as unknown as Metadata[];
  const byProperty = new Map<string, Metadata[]>();
  for (const m of metadatas) {
    if (m.groups && m.groups.length > 0) throw new Error(`validation groups are not supported (${target.name}.${m.propertyName})`);
    if (m.type === ValidationTypes.PROMISE_VALIDATION) throw new Error(`promise validation is not supported (${target.name}.${m.propertyName})`);
    const list = byProperty.get(m.propertyName) ?? [];
    list.push(m);
    byProperty.set(m.propertyName, list);
  }
  const resolve = (m: Metadata) => {
    const constraints = storage.getTargetValidatorConstraints(m.constraintCls as new () => object) as unknown as Constraint[];
    if (constraints.some((c) => c.async)) throw new Error(`async validation is not supported (${target.name}.${m.propertyName})`);
    return { meta: m, constraints };
  };
  plan = {
    targetName: target.name,
    allowed: new Set(byProperty.keys()),
    properties: [...byProperty].map(([name, list]) => ({
      name,
      optional: list.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === 'isOptional'),
      conditional: list.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name !== 'isOptional'),
      defined: list.filter((m) => m.type === ValidationTypes.IS_DEFINED).map(resolve),
      custom: list.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION).map(resolve),
      nested: list.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION),
    })),
  };
  plans.set(target, plan);
  return plan;
}

function constraintToString(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  if (typeof constraint === 'symbol') return String(constraint.description);
  return `${String(constraint)}`;
}

/** class-validator's ValidationUtils.replaceMessageSpecialTokens. */
function message(meta: Metadata, constraint: Constraint | null, args: ValidationArguments): string {
  let template: string | ((a: ValidationArguments) => string) = meta.message || '';
  if (!meta.message && constraint?.instance.defaultMessage instanceof Function) template = constraint.instance.defaultMessage(args);
  let text = template instanceof Function ? template(args) : template;
  if (text && Array.isArray(args.constraints)) {
    args.constraints.forEach((c, i) => {
      text = text.replace(new RegExp(`\\$constraint${i + 1}`, 'g'), constraintToString(c));
    });
  }
  const value = args.value as unknown;
  if (text && value !== undefined && value !== null && ['string', 'boolean', 'number'].includes(typeof value)) text = text.replace(/\$value/g, String(value));
  if (text) text = text.replace(/\$property/g, args.property);
  if (text) text = text.replace(/\$target/g, args.targetName);
  return text;
}

const join = (prefix: string, property: string) => (/^\d+$/.test(property) ? `${prefix}[${property}]` : prefix ? `${prefix}.${property}` : property);

/**
 * Validates a DTO instance (nested DTOs as instances too) and appends its problems, in
 * class-validator's order: unknown fields first, then each property's first failing
 * constraint followed by the problems of its nested values.
 */
export function validateCompiled(object: object, out: PathProblem[], prefix = ''): void {
  const plan = planFor(object.constructor as { name: string });
  if (plan.properties.length === 0) {
    out.push({ path: prefix, reason: 'must be a JSON object' });
    return;
  }
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!plan.allowed.has(key)) out.push({ path: join(prefix, key), reason: 'unknown field: not part of the interface' });
  }
  for (const property of plan.properties) validateProperty(plan, object, record[property.name], property.name, property, prefix, out);
}

function validateProperty(plan: ClassPlan, object: object, value: unknown, propertyName: string, property: Pick<PropertyPlan, 'optional' | 'conditional' | 'defined' | 'custom' | 'nested'>, prefix: string, out: PathProblem[]): void {
  if (property.optional && (value === null || value === undefined)) return;
  for (const c of property.conditional) {
    if (!(c.constraints[0] as (o: object, v: unknown) => boolean)(object, value)) return;
  }
  // The path is only built when something fails or nests: most properties pass.
  let failed = runCustom(plan, object, value, property.defined, propertyName, prefix, out);
  if (!failed) failed = runCustom(plan, object, value, property.custom, propertyName, prefix, out);
  if (failed || value === undefined) return;
  for (const meta of property.nested) {
    const path = join(prefix, propertyName);
    if (meta.each && Array.isArray(value)) {
      // Each element must be the nested object itself: an array inside the array is not
      // descended into (class-validator would, without a bound, and accept `[[]]`).
      // (undefined, which JSON cannot send, passes as it does in class-validator)
      value.forEach((element, index) => element !== undefined && validateNestedObject(meta, element, join(path, String(index)), out));
    } else {
      validateNestedObject(meta, value, path, out);
    }
    return; // stopAtFirstError: a property reports once
  }
}

/** A value where a nested DTO is expected: an object is validated, anything else (an array too) is one problem. */
function validateNestedObject(meta: Metadata, value: unknown, path: string, out: PathProblem[]): void {
  if (isPlainObject(value)) {
    validateCompiled(value, out, path);
  } else if (value instanceof Object) {
    out.push({ path, reason: 'must be a JSON object' });
  } else {
    const args: ValidationArguments = { targetName: typeof meta.target === 'string' ? meta.target : (meta.target as { name: string }).name, property: meta.propertyName, object: meta.target as object, value, constraints: meta.constraints };
    out.push({ path, reason: message(meta, null, args) });
  }
}

/** Runs constraints in order; the first failure is reported (stopAtFirstError). */
function runCustom(plan: ClassPlan, object: object, value: unknown, list: PropertyPlan['custom'], propertyName: string, prefix: string, out: PathProblem[]): boolean {
  if (list.length === 0) return false;
  // One arguments object per property: constraint functions are synchronous and, in this
  // interface, never keep it (a message gets its own copy).
  const args: ValidationArguments = { targetName: plan.targetName, property: propertyName, object, value, constraints: [] };
  for (let i = 0; i < list.length; i++) {
    const { meta, constraints } = list[i];
    if (meta.validateIf && !meta.validateIf(object, value)) continue;
    args.property = meta.propertyName;
    args.constraints = meta.constraints;
    for (let j = 0; j < constraints.length; j++) {
      const constraint = constraints[j];
      const valid =
        meta.each && Array.isArray(value) ? value.every((item) => constraint.instance.validate(item, args)) : constraint.instance.validate(value, args);
      if (!valid) {
        out.push({ path: join(prefix, propertyName), reason: message(meta, constraint, { ...args }) });
        return true;
      }
    }
  }
  return false;
}
