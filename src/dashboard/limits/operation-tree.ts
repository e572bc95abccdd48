// Walks over one operation of a validated document, fragments inlined where they are spread.
// Size and depth are memoized per fragment, so a document that spreads fragments into each
// other (each spread twice: 2^n fields) is measured in time linear in its text.
import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * Selections of the operation with fragments inlined at every spread: every field (aliases,
 * repeats and introspection included), inline fragment and spread counts one. This bounds
 * any walk over the operation (forEachField, graphql-query-complexity's), however deeply
 * fragments nest. Saturates at Number.MAX_SAFE_INTEGER.
 */
export function countSelections(selectionSet: SelectionSetNode, fragments: Fragments, memo = new Map<string, number>(), active = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += 1 + (selection.selectionSet ? countSelections(selection.selectionSet, fragments, memo, active) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += 1 + countSelections(selection.selectionSet, fragments, memo, active);
    } else {
      count += 1 + memoized(selection.name.value, fragments, memo, active, (fragment) => countSelections(fragment.selectionSet, fragments, memo, active));
    }
  }
  return Math.min(count, Number.MAX_SAFE_INTEGER);
}

/**
 * Depth of an operation: the longest chain of nested fields, fragments inlined.
 * Introspection fields (`__schema`, `__type`) are not counted, so tools can read the schema;
 * what they return is bounded by the introspection size limit instead (introspection-size.ts).
 */
export function operationDepth(selectionSet: SelectionSetNode, fragments: Fragments, memo = new Map<string, number>(), active = new Set<string>()): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? operationDepth(selection.selectionSet, fragments, memo, active) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, operationDepth(selection.selectionSet, fragments, memo, active));
    } else {
      deepest = Math.max(deepest, memoized(selection.name.value, fragments, memo, active, (fragment) => operationDepth(fragment.selectionSet, fragments, memo, active)));
    }
  }
  return deepest;
}

/** A fragment's measure, computed once; 0 for an unknown fragment or a cycle (validation refuses both). */
function memoized(name: string, fragments: Fragments, memo: Map<string, number>, active: Set<string>, measure: (fragment: FragmentDefinitionNode) => number): number {
  const known = memo.get(name);
  if (known !== undefined) return known;
  const fragment = fragments[name];
  if (fragment === undefined || active.has(name)) return 0;
  active.add(name);
  const value = measure(fragment);
  active.delete(name);
  memo.set(name, value);
  return value;
}

export interface VisitedField {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** Response keys (alias or name) from the operation's root to this field. */
  path: readonly string[];
}

/**
 * Calls `visit` for every field of the operation, fragments inlined at every spread; callers
 * bound the work by checking countSelections first. Fields the schema does not know are skipped
 * (validation refuses them).
 */
export function forEachField(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Fragments, visit: (field: VisitedField) => void): void {
  const root = schema.getRootType(operation.operation);
  if (root) walk(schema, operation.selectionSet, root, [], fragments, new Set(), visit);
}

function walk(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  path: readonly string[],
  fragments: Fragments,
  active: Set<string>,
  visit: (field: VisitedField) => void,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fieldOf(schema, parent, selection.name.value);
      if (!field) continue;
      const here = [...path, selection.alias?.value ?? selection.name.value];
      visit({ field, node: selection, path: here });
      const type = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(type)) walk(schema, selection.selectionSet, type, here, fragments, active, visit);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && active.has(selection.name.value))) continue;
      const type = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!type || !isCompositeType(type)) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) active.add(selection.name.value);
      walk(schema, fragment.selectionSet, type, path, fragments, active, visit);
      if (selection.kind === Kind.FRAGMENT_SPREAD) active.delete(selection.name.value);
    }
  }
}

/** A field of a composite type, the meta fields included (`__typename` anywhere, `__schema` and `__type` on the query root). */
function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}
