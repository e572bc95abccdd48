// What introspection (`__schema`, `__type`) would return, counted exactly before it runs.
// Introspection answers come from the schema alone, so their size is known in advance: the
// fields below are resolved with graphql-js's own introspection resolvers, counting values and
// stopping as soon as the budget is passed. Aliases and nested lists (`types { fields { type
// { fields … } } }`) cannot grow an answer past the budget, whatever the document.
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getIntrospectionQuery,
  getNamedType,
  getOperationAST,
  isObjectType,
  parse,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf, type Fragments } from './operation-tree.js';
import type { CoercedVariables } from './variables.js';

export const INTROSPECTION_ROOTS: ReadonlySet<string> = new Set(['__schema', '__type']);

interface Count {
  schema: GraphQLSchema;
  fragments: Fragments;
  variables: CoercedVariables;
  budget: number;
  used: number;
  // Every item of a list is counted with the same field nodes: collect and coerce once.
  collected: WeakMap<readonly FieldNode[], Map<GraphQLObjectType, Map<string, FieldNode[]>>>;
  args: WeakMap<FieldNode, Record<string, unknown>>;
}

/** Values the introspection fields among `roots` return, counted up to just past `budget`. */
export function introspectionSize(
  schema: GraphQLSchema,
  fragments: Fragments,
  variables: CoercedVariables,
  roots: readonly { field: GraphQLField<unknown, unknown>; node: FieldNode }[],
  budget: number,
): number {
  const count: Count = { schema, fragments, variables, budget, used: 0, collected: new WeakMap(), args: new WeakMap() };
  for (const { field, node } of roots) {
    count.used += 1;
    const value = resolve(count, field, node, undefined);
    if (value != null) countObject(count, getNamedType(field.type) as GraphQLObjectType, value, [node]);
    if (count.used > budget) break;
  }
  return count.used;
}

const BUDGETS = new WeakMap<GraphQLSchema, number>();

/** What the full standard introspection query (every option on) returns from this schema. */
export function fullIntrospectionSize(schema: GraphQLSchema): number {
  let size = BUDGETS.get(schema);
  if (size === undefined) {
    const document = parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    const operation = getOperationAST(document)!;
    const root = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
    size = introspectionSize(schema, fragmentsOf(document), {}, [{ field: SchemaMetaFieldDef, node: root }], Number.MAX_SAFE_INTEGER);
    BUDGETS.set(schema, size);
  }
  return size;
}

function countObject(count: Count, type: GraphQLObjectType, value: unknown, nodes: readonly FieldNode[]): void {
  for (const fieldNodes of collectFields(count, type, nodes).values()) {
    if (count.used > count.budget) return;
    count.used += 1;
    const field = type.getFields()[fieldNodes[0].name.value];
    const named = field && getNamedType(field.type);
    // Leaves (names, kinds, descriptions, `__typename`) are one value each.
    if (!named || !isObjectType(named)) continue;
    const result = resolve(count, field, fieldNodes[0], value);
    for (const item of Array.isArray(result) ? result : result == null ? [] : [result]) {
      count.used += 1;
      countObject(count, named, item, fieldNodes);
      if (count.used > count.budget) return;
    }
  }
}

function resolve(count: Count, field: GraphQLField<unknown, unknown>, node: FieldNode, source: unknown): unknown {
  let args = count.args.get(node);
  if (!args) count.args.set(node, (args = getArgumentValues(field, node, count.variables)));
  // The introspection resolvers read only `schema` from the resolve info.
  const info = { schema: count.schema } as GraphQLResolveInfo;
  return field.resolve ? field.resolve(source, args, undefined, info) : (source as Record<string, unknown>)[field.name];
}

/** Sub-fields by response key, as execution merges them (skip/include and type conditions applied). */
function collectFields(count: Count, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  let byType = count.collected.get(nodes);
  if (!byType) count.collected.set(nodes, (byType = new Map()));
  let fields = byType.get(type);
  if (!fields) byType.set(type, (fields = collect(count, type, nodes)));
  return fields;
}

function collect(count: Count, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  const add = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!included(count, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name) add(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = count.fragments[selection.name.value];
        if (fragment && fragment.typeCondition.name.value === type.name) add(fragment.selectionSet);
      }
    }
  };
  for (const node of nodes) if (node.selectionSet) add(node.selectionSet);
  return fields;
}

function included(count: Count, node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, count.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, count.variables)?.if !== false;
}
