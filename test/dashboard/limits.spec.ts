// Query depth and complexity limits: over either, one QUERY_TOO_COMPLEX error naming the
// limit and the measured value, HTTP 400, nothing executed.
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

test('defaults: depth 10, complexity 5000', () => {
  expect(t.config.graphql).toMatchObject({ maxDepth: 10, maxComplexity: 5000 });
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
