// Writes the field rules' own schema keywords (validation/field-rules.ts) over the schemas
// @nestjs/swagger generated from the DTO classes: types, patterns, lengths, ranges, enums,
// array bounds, required fields, nullability and "no unknown fields". What the document
// says about a field is then what the validator enforces; a hand-written @ApiProperty
// keyword that disagrees is overwritten.
import type { OpenAPIObject } from '@nestjs/swagger';
import { documentedClasses, MAX_BATCH_ROWS_TOKEN, REQUIRED, RULE_TEXT, type SchemaFragment } from './validation/field-rules.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

/** What the document's keywords cannot say, for its description. */
export const INPUT_RULES = [
  'Input rules: bodies are UTF-8 JSON; a key may appear once in an object, escapes may not leave a UTF-16 surrogate unpaired, nesting is at most 16 levels, ' +
    'unknown fields are refused (`additionalProperties: false`); path and query parameters are percent-encoded UTF-8. Any of these is a 400 naming the path. ' +
    'Patterns have Unicode (`u` flag) semantics and lengths count code points. Dates carry `x-minimum`/`x-maximum`, where `today` is the date in UTC+14. ' +
    'Rules across fields: `x-not-before` (pairs [earlier, later]), `x-not-more-than` (pairs [part, whole]), `x-unique-by` (array items), `x-present-if`. ' +
    'Operations open to some roles only list them in `x-roles`. A station outside the key\'s region answers 404, exactly as a missing one. ' +
    'A DELETE takes no body: with `Content-Type: application/json`, an empty body, `{}` or `null` count as none; any other body is a 400. ' +
    "People's name, birthMonth, enforcementCertNo and specialEquipmentCert.number are personal data: left out of reads except for a COUNTY key on its own county's stations and ADMIN keys.",
].join('');

export interface RuleSettings {
  maxBatchRows: number;
}

export function applyFieldRules(document: OpenAPIObject, settings: RuleSettings): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const { ctor, properties, schema: schemaRules } of documentedClasses()) {
    const schema = schemas[(ctor as { name: string }).name];
    if (!schema || typeof schema !== 'object') continue;
    schema.properties ??= {};
    const required: string[] = [];
    for (const [name, fragment] of properties) {
      const property = (schema.properties[name] ??= {});
      applyFragment(property, fragment, settings);
      if (fragment[REQUIRED] === true) required.push(name);
    }
    if (required.length > 0) schema.required = required;
    else delete schema.required;
    schema.additionalProperties = false;
    Object.assign(schema, schemaRules);
  }
}

function applyFragment(property: Record<string, unknown>, fragment: SchemaFragment, settings: RuleSettings): void {
  // A $ref takes no sibling keywords in OpenAPI 3.0: wrap it in allOf first.
  if (typeof property.$ref === 'string') {
    property.allOf = [{ $ref: property.$ref }];
    delete property.$ref;
  }
  for (const [key, value] of Object.entries(fragment)) {
    if (key === REQUIRED) continue;
    if (key === RULE_TEXT) {
      const description = typeof property.description === 'string' && property.description ? `${property.description}. ` : '';
      property.description = `${description}Rule: ${String(value)}.`;
      continue;
    }
    // An object with a schema of its own (allOf/$ref) keeps it; `type: object` adds nothing.
    if (key === 'type' && value === 'object' && property.allOf) continue;
    property[key] = value === MAX_BATCH_ROWS_TOKEN ? settings.maxBatchRows : value;
  }
  // The rules never accept null for a required field; for an optional one they do.
  if (fragment[REQUIRED] === true) delete property.nullable;
  if (fragment[REQUIRED] === false) property.nullable = true;
}
