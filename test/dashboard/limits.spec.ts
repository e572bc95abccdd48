/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// Query size, depth, complexity and introspection limits: over any, one QUERY_TOO_COMPLEX
// error naming the limit and the measured value, HTTP 400, nothing executed.
import { getIntrospectionQuery } from 'graphql';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countStatements, gql, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 8);
  await gql(t, s.keys.province, `{ rubric { version } }`);
});

afterAll(async () => {
  await t.close();
});

test('defaults: depth 10, complexity 5000, 1000 fields, 5000 tokens', () => {
  expect(t.config.graphql).toMatchObject({ maxDepth: 10, maxComplexity: 5000, maxFields: 1000, maxTokens: 5000 });
});

test('a query nested deeper than the limit is refused before anything runs', async () => {
  // regions > children × 10 = depth 11.
  const deep = `{ regions { ${'children { '.repeat(9)}code${' }'.repeat(9)} } }`;
  let body: Awaited<ReturnType<typeof gql>> | undefined;
  const { count } = await countStatements(t.dataSource, async () => {
    body = await gql(t, s.keys.province, deep);
  });
  expect(body!.status).toBe(400);
  expect(body!.data).toBeUndefined();
  expect(body!.errors).toEqual([{ message: 'query depth 11 exceeds the limit of 10 (GRAPHQL_MAX_DEPTH)', extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  expect(count).toBe(0);
  const fine = await gql(t, s.keys.province, `{ stations(first: 2) { edges { node { scoreChange { to { criteria(status: MET) { code } } } } } } }`);
  expect(fine.errors).toBeUndefined();
});

test('fragments count at the depth they are spread', async () => {
  const query = `fragment Deep on Region { ${'children { '.repeat(8)}code${' }'.repeat(8)} }
    { regions { children { ...Deep } } }`;
  const body = await gql(t, s.keys.province, query);
  expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining('depth 11') });
});

test('a connection costs first × its items: 100 stations with every criterion is too complex, 5 is fine', async () => {
  const query = `query($first: Int!) { stations(first: $first) { edges { node { code score { criteria { code points status reason } } } } } }`;
  const big = await gql(t, s.keys.province, query, { first: 100 });
  expect(big.status).toBe(400);
  expect(big.errors).toHaveLength(1);
  expect(big.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  expect(big.errors![0].message).toMatch(/^query complexity \d+ exceeds the limit of 5000 \(GRAPHQL_MAX_COMPLEXITY\)/);
  const measured = Number(/complexity (\d+)/.exec(big.errors![0].message)![1]);
  expect(measured).toBeGreaterThan(40_000);
  const small = await gql(t, s.keys.province, query, { first: 5 });
  expect(small.errors).toBeUndefined();
});

test('introspection is not held to the depth limit', async () => {
  const body = await gql(t, undefined, `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } }`);
  expect(body.errors).toBeUndefined();
});

test('limits come from GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COMPLEXITY', async () => {
  const small = await createTestApp({ env: { GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COMPLEXITY: '100' } });
  try {
    const key = await small.apiKey('PROVINCE', '130000');
    const atDepth = await gql(small, key, `{ regions { children { children { code } } } }`);
    expect(atDepth.errors?.map((e) => e.message)).not.toContainEqual(expect.stringContaining('depth'));
    const depth = await gql(small, key, `{ stations(first: 1) { edges { node { score { total } } } } }`);
    expect(depth.errors?.[0].message).toBe('query depth 5 exceeds the limit of 4 (GRAPHQL_MAX_DEPTH)');
    expect((await gql(small, key, `{ stations(first: 10) { edges { node { code name } } } }`)).errors).toBeUndefined();
    const complexity = await gql(small, key, `{ stations(first: 30) { edges { node { code name } } } }`);
    expect(complexity.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining('complexity 121 exceeds the limit of 100') });
  } finally {
    await small.close();
  }
});

test('the region tree with summaries is within the default limits', async () => {
  const body = await gql(t, s.keys.province, `{ regions { code summary { averageTotal } children { code summary { averageTotal starCounts { count } } children { code stationCount } } } }`);
  expect(body.errors).toBeUndefined();
});

describe('document size (F2)', () => {
  const aliases = (n: number) => `{ about { ${Array.from({ length: n }, (_, i) => `f${i}: service`).join(' ')} } }`;

  test('10,000 aliased fields without a key: 400 naming the token limit', async () => {
    const body = await gql(t, undefined, aliases(10_000));
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([{ message: 'query document exceeds the limit of 5000 tokens (GRAPHQL_MAX_TOKENS)', extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
    expect((await gql(t, undefined, aliases(100))).data?.about.f99).toBe('station-scorecard');
  });

  test('fragments spread into each other count at every spread: 2^24 fields are refused at once', async () => {
    const levels = 24;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const query = `{ ...F0 }\n${fragments}\nfragment F${levels} on Query { about { service } }`;
    const body = await gql(t, undefined, query);
    expect(body.status).toBe(400);
    // The last fragment's 2 selections at each of its 2^24 spreads, the 2^25 - 2 spreads above it and the operation's one: 2^26 - 1.
    expect(body.errors).toEqual([{ message: expect.stringMatching(/^query selection count 67108863 exceeds the limit of 1000 \(GRAPHQL_MAX_FIELDS\)/), extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  });

  test('inline fragments count as selections: 8 spreads of 200 nested ones around 2 fields are refused', async () => {
    const chain = `${'... on Query { '.repeat(200)}about { service }${' }'.repeat(200)}`;
    const query = `{ ...F0 } fragment F0 on Query { ...F1 ...F1 } fragment F1 on Query { ...F2 ...F2 } fragment F2 on Query { ...F3 ...F3 } fragment F3 on Query { ${chain} }`;
    const body = await gql(t, undefined, query);
    expect(body.status).toBe(400);
    expect(body.errors).toEqual([{ message: expect.stringMatching(/^query selection count 1631 exceeds the limit of 1000 \(GRAPHQL_MAX_FIELDS\)/), extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  });

  test('GRAPHQL_MAX_TOKENS and GRAPHQL_MAX_FIELDS: past a raised token limit, the field limit refuses 10,000 fields', async () => {
    const wide = await createTestApp({ env: { GRAPHQL_MAX_TOKENS: '40000', GRAPHQL_MAX_FIELDS: '200' } });
    try {
      expect(wide.config.graphql).toMatchObject({ maxTokens: 40_000, maxFields: 200 });
      const big = await gql(wide, undefined, aliases(10_000));
      expect(big.status).toBe(400);
      expect(big.errors).toEqual([{ message: expect.stringMatching(/^query selection count 10001 exceeds the limit of 200 \(GRAPHQL_MAX_FIELDS\)/), extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
      expect((await gql(wide, undefined, aliases(199))).errors).toBeUndefined();
      expect((await gql(wide, undefined, aliases(20_000))).errors?.[0].message).toBe('query document exceeds the limit of 40000 tokens (GRAPHQL_MAX_TOKENS)');
    } finally {
      await wide.close();
    }
  });
});

describe('the measured cost depends on every variable it reads (F5)', () => {
  const tooComplex = (body: Awaited<ReturnType<typeof gql>>) => ({ status: body.status, code: body.errors?.[0]?.extensions.code });
  const BIG = `stations(first: 100) { edges { node { score { criteria { code } } } } }`;

  test('@include(if: $b): false, then true is refused', async () => {
    const query = `query($b: Boolean!) { about { service } ${BIG.replace('stations(first: 100)', 'stations(first: 100) @include(if: $b)')} }`;
    expect((await gql(t, s.keys.province, query, { b: false })).errors).toBeUndefined();
    expect(tooComplex(await gql(t, s.keys.province, query, { b: true }))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test('@skip(if: $b) on a fragment spread: true, then false is refused', async () => {
    const query = `query($b: Boolean!) { about { service } ...Big @skip(if: $b) } fragment Big on Query { ${BIG} }`;
    expect((await gql(t, s.keys.province, query, { b: true })).errors).toBeUndefined();
    expect(tooComplex(await gql(t, s.keys.province, query, { b: false }))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test('a String argument the estimate reads (regions parentCode): without it, then with it is refused', async () => {
    // regions costs 1 + (parentCode == null ? 1 : 12) × its selection (2,317 here).
    const query = `query($p: String) { regions(parentCode: $p) { children { children { summary { weakestIndicators { code } } } } } }`;
    expect((await gql(t, s.keys.province, query, {})).errors).toBeUndefined();
    const body = await gql(t, s.keys.province, query, { p: '130000' });
    expect(tooComplex(body)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    expect(body.errors![0].message).toMatch(/^query complexity 27805 exceeds/);
  });

  test('Int arguments (first, level) as variables, small then large', async () => {
    const first = `query($n: Int!) { stations(first: $n) { edges { node { score { criteria { code } } } } } }`;
    expect((await gql(t, s.keys.province, first, { n: 1 })).errors).toBeUndefined();
    expect(tooComplex(await gql(t, s.keys.province, first, { n: 60 }))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    // indicators costs 1 + (5, 21 or 46 by level) × its selection.
    const level = `query($l: Int) { stations(first: 100) { edges { node { score { indicators(level: $l) { code name } } } } } }`;
    expect((await gql(t, s.keys.province, level, { l: 1 })).errors).toBeUndefined();
    expect(tooComplex(await gql(t, s.keys.province, level, { l: 3 }))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test('weakestIndicators costs the rows it asks for (first), not the default five', async () => {
    const query = `query($n: Int) { regions { children { children { summary { weakestIndicators(first: $n) { code } } } } } }`;
    expect((await gql(t, s.keys.province, query, { n: 5 })).errors).toBeUndefined();
    expect(tooComplex(await gql(t, s.keys.province, query, { n: 46 }))).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test('variables the estimate does not read share one measurement', async () => {
    const query = `query($c: String!) { station(code: $c) { code score { total } } }`;
    for (const code of s.province.stationCodes.slice(0, 3)) expect((await gql(t, s.keys.province, query, { c: code })).errors).toBeUndefined();
  });
});

describe('introspection is bounded by what it returns', () => {
  const schemas = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;

  test.each([555, 150])('%i aliased __schema without a key: 400, nothing executed', async (n) => {
    const res = await t.graphql(schemas(n), {});
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1000);
    expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  });

  test('within the token limit, the introspection size limit is what refuses them', async () => {
    const body = await gql(t, undefined, schemas(150));
    expect(body.errors?.[0].message).toMatch(/^introspection size over \d+ values exceeds the limit of 2× the full introspection query/);
    expect((await gql(t, undefined, schemas(2))).errors).toBeUndefined();
  });

  test('nested lists and aliases inside one __schema are counted too', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `n${i}: name`).join(' ');
    const body = await gql(t, undefined, `{ __schema { types { fields { type { ofType { fields { ${names} } } } } } } }`);
    expect(body.status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  test('the full standard introspection query and a few __type lookups are answered', async () => {
    const full = await gql(t, undefined, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(full.errors).toBeUndefined();
    expect((full.data as any).__schema.types.length).toBeGreaterThan(50);
    const types = await gql(t, undefined, `{ a: __type(name: "Station") { fields { name type { name ofType { name } } } } b: __type(name: "Region") { name } c: __type(name: "Nope") { name } }`);
    expect(types.errors).toBeUndefined();
    expect((types.data as any).c).toBeNull();
  });
});
