// Writes the field rules' own schema keywords (validation/field-rules.ts) over the schemas
// @nestjs/swagger generated from the DTO classes: types, patterns, lengths, ranges, enums,
// array bounds, required fields, nullability and "no unknown fields". What the document
// says about a field is then what the validator enforces; a hand-written @ApiProperty
// keyword that disagrees is overwritten.
import type { OpenAPIObject } from '@nestjs/swagger';
import { documentedClasses, MAX_BATCH_ROWS_TOKEN, REQUIRED, RULE_TEXT, type SchemaFragment } from './validation/field-rules.js';

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

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
