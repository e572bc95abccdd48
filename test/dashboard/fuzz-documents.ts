// Random GraphQL operations built from the served schema for the fuzz test: random fields,
// aliases, inline and named fragments, @include/@skip, nesting, and arguments given as
// literals or variables, of the right type or a wrong one, with odd strings (control
// characters, lone surrogates, bidi marks, very long text) and values that reach the data
// (station and region codes, criterion ids). Drawn through fast-check's `gen`, so a run is
// reproducible from its seed.
import fc, { type GeneratorValue } from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface FuzzValues {
  /** Strings that mean something to the service (codes, ids), mixed into the random ones. */
  known: string[];
}

export interface FuzzCase {
  query: string;
  variables: Record<string, unknown>;
  /** Other members of the request body, now and then (operationName, extensions). */
  envelope: Record<string, unknown>;
}

const MAX_DEPTH = 5;

class Builder {
  private readonly variables = new Map<string, { type: string; value: unknown; omitted: boolean }>();
  private readonly fragments: string[] = [];
  private aliases = 0;
  /** A clean operation has values of the right types (and mostly meaningful ones); a dirty one is anything goes. */
  private dirty = false;

  constructor(
    private readonly g: GeneratorValue,
    private readonly schema: GraphQLSchema,
    private readonly values: FuzzValues,
  ) {}

  build(): FuzzCase {
    this.dirty = this.g(fc.integer, { min: 0, max: 9 }) < 3;
    const mutation = this.g(fc.integer, { min: 0, max: 9 }) < 3;
    const root = (mutation ? this.schema.getMutationType() : this.schema.getQueryType())!;
    const body = this.selections(root, 0, true);
    const declared = [...this.variables].map(([name, v]) => `$${name}: ${v.type}`);
    const keyword = this.dirty && this.g(fc.integer, { min: 0, max: 19 }) === 0 ? 'subscription' : mutation ? 'mutation' : 'query';
    const name = this.g(fc.integer, { min: 0, max: 4 }) === 0 ? ' Op' : '';
    const head = `${keyword}${name}${declared.length ? `(${declared.join(', ')})` : ''}`;
    const variables = Object.fromEntries([...this.variables].filter(([, v]) => !v.omitted).map(([n, v]) => [n, v.value]));
    return { query: [`${head} { ${body} }`, ...this.fragments].join('\n'), variables, envelope: this.envelope(name !== '') };
  }

  private envelope(named: boolean): Record<string, unknown> {
    const envelope: Record<string, unknown> = {};
    if (named || this.g(fc.integer, { min: 0, max: 9 }) === 0) envelope.operationName = this.g(fc.constantFrom, 'Op', 'Other', '');
    if (this.dirty && this.g(fc.integer, { min: 0, max: 9 }) === 0) {
      envelope.extensions = this.draw<unknown>(fc.constantFrom({ persistedQuery: { version: 1, sha256Hash: 'abc' } }, { persistedQuery: { version: 2 } }, { anything: [1] }, 'x', null));
    }
    return envelope;
  }

  private selections(type: GraphQLObjectType, depth: number, root = false): string {
    const count = this.g(fc.integer, { min: 1, max: depth >= 3 ? 2 : 3 });
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.selection(type, depth, root));
    return out.join(' ');
  }

  private selection(type: GraphQLObjectType, depth: number, root: boolean): string {
    const wrap = this.g(fc.integer, { min: 0, max: 19 });
    if (wrap === 0) return `... on ${type.name} { ${this.selections(type, depth, root)} }`;
    if (wrap === 1) return `...${this.fragment(type, depth, root)}${this.directive()}`;
    if (root && !type.name.startsWith('Mutation') && wrap === 2) return this.introspection();
    const fields = Object.values(type.getFields());
    const usable = depth >= MAX_DEPTH ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
    if (usable.length === 0) return '__typename';
    const field = this.pick(usable);
    return this.field(field, depth);
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): string {
    // Fields with arguments are mostly aliased: two unaliased ones with different arguments conflict.
    const alias = this.g(fc.integer, { min: 0, max: 4 }) < (field.args.length > 0 ? 4 : 1) ? `a${this.aliases++}: ` : '';
    const args = field.args.filter((a) => isNonNullType(a.type) || this.g(fc.boolean)).map((a) => `${a.name}: ${this.argument(a.type)}`);
    const head = `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${this.directive()}`;
    const named = getNamedType(field.type);
    if (isLeafType(named)) return head;
    return `${head} { ${this.subselection(named, depth + 1)} }`;
  }

  private subselection(named: GraphQLNamedType, depth: number): string {
    if (isObjectType(named)) return this.selections(named, depth);
    if (isInterfaceType(named) || isUnionType(named)) {
      const possible = this.schema.getPossibleTypes(named);
      return `__typename ${possible.length ? `... on ${this.pick(possible).name} { __typename }` : ''}`;
    }
    return '__typename';
  }

  private fragment(type: GraphQLObjectType, depth: number, root: boolean): string {
    const name = `F${this.fragments.length}_${this.g(fc.nat, 999)}`;
    // Reserve the slot first: nested fragments come after it.
    const index = this.fragments.push('') - 1;
    this.fragments[index] = `fragment ${name} on ${type.name} { ${this.selections(type, depth, root)} }`;
    return name;
  }

  private directive(): string {
    const pick = this.g(fc.integer, { min: 0, max: 9 });
    if (pick > 1) return '';
    const which = pick === 0 ? 'include' : 'skip';
    const value = this.g(fc.boolean) ? String(this.g(fc.boolean)) : this.variable('Boolean!', !this.dirty || this.g(fc.boolean) ? this.g(fc.boolean) : this.wrongValue());
    return ` @${which}(if: ${value})`;
  }

  private introspection(): string {
    const options = [
      () => `__schema { queryType { name } types { name kind } }`,
      () => `__type(name: ${this.argument(this.schema.getType('String') as GraphQLInputType)}) { name kind fields { name type { name ofType { name } } } }`,
      () => `a${this.aliases++}: __schema { types { fields { name args { name type { name } } } } }`,
      () => `__schema { directives { name locations args { name } } }`,
    ];
    return this.pick(options)();
  }

  /** An argument: a literal or a variable, of the right type (mostly) or a wrong one. */
  private argument(type: GraphQLInputType): string {
    const right = !this.dirty || this.g(fc.integer, { min: 0, max: 9 }) < 7;
    const value = right ? this.value(type, 0) : this.wrongValue();
    if (this.g(fc.boolean)) return literal(value);
    const declared = this.dirty && this.g(fc.integer, { min: 0, max: 9 }) === 0 ? this.g(fc.constantFrom, 'String', 'Int!', '[String]', 'Boolean') : String(type);
    return this.variable(declared, value, !isNonNullType(type) && this.g(fc.integer, { min: 0, max: 5 }) === 0);
  }

  private draw<T>(arbitrary: fc.Arbitrary<T>): T {
    return this.g(() => arbitrary);
  }

  /** One of the items, drawn by index (schema objects are too cyclic for fast-check to record). */
  private pick<T>(items: readonly T[]): T {
    return items[this.g(fc.nat, items.length - 1)];
  }

  private variable(type: string, value: unknown, omitted = false): string {
    const name = `v${this.variables.size}`;
    this.variables.set(name, { type, value, omitted });
    return `$${name}`;
  }

  private value(type: GraphQLInputType, depth: number, nonNull = false): unknown {
    if (isNonNullType(type)) return this.dirty && this.g(fc.integer, { min: 0, max: 19 }) === 0 ? null : this.value(type.ofType, depth, true);
    if (!nonNull && this.g(fc.integer, { min: 0, max: 19 }) === 0) return null;
    if (isListType(type)) return Array.from({ length: this.g(fc.integer, { min: 0, max: 3 }) }, () => this.value(type.ofType, depth + 1));
    if (isEnumType(type)) return new EnumValue(this.pick(type.getValues()).name);
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || this.g(fc.boolean));
      return Object.fromEntries(fields.map((f) => [f.name, this.value(f.type, depth + 1)]));
    }
    return this.scalar(type.name);
  }

  private scalar(name: string): unknown {
    switch (name) {
      case 'Int':
        return this.draw(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.integer(), fc.constantFrom(0, 1, 5, 100, 101, 501, 2 ** 31 - 1, -(2 ** 31))));
      case 'Float':
        return this.draw(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.5, 1, 90, 100.5, -1, 1e300, 5e-324)));
      case 'Boolean':
        return this.g(fc.boolean);
      case 'DateTime':
        return this.draw(
          fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.constantFrom('2026-06-30', '2026-02-30T00:00:00Z', 'yesterday', '0000-01-01T00:00:00Z', '275760-09-13T00:00:00.001Z', ''),
          ),
        );
      default:
        return this.text();
    }
  }

  /** Mostly strings the service knows, else odd text. */
  private text(): string {
    if (!this.dirty && this.g(fc.integer, { min: 0, max: 9 }) < 8) return this.pick(this.values.known);
    return this.draw(
      fc.oneof(
      { arbitrary: fc.constantFrom(...this.values.known), weight: 4 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
      { arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u0085', '\u202e所\u202c', '\u200b', '\ud800', '\udfff x', '\r\n\t', '   ', '', '%', "'; --", '"', '\\'), weight: 2 },
      { arbitrary: fc.constantFrom('x'.repeat(5000), '所'.repeat(2000), '😀'.repeat(300)), weight: 1 },
      ),
    );
  }

  /** A JSON value of any type but (mostly) the one expected. */
  private wrongValue(): unknown {
    return this.draw<unknown>(
      fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant([1, 'x']), fc.constant({ a: 1 }), fc.constant('NOT_A_VALUE')),
    );
  }
}

/** An enum value: a bare name in a literal, a string in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** The value as a GraphQL literal (whatever its type: wrong types make validation errors). */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
  // JSON's escapes are GraphQL's (a lone surrogate's \\u escape makes a syntax error: also a case).
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function buildFuzzCase(g: GeneratorValue, schema: GraphQLSchema, values: FuzzValues): FuzzCase {
  return new Builder(g, schema, values).build();
}
