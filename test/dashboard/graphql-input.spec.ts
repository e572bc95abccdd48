// Bad input in GraphQL variables and arguments: refused before anything runs with HTTP 400,
// BAD_USER_INPUT and the path of the bad value, with or without a key; never a 500.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countStatements, gql, ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;
let vetoId: string;
/** A station of the seeded province (a province key reviews it). */
let station: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 8);
  station = s.province.stationCodes[0];
  [{ id: vetoId }] = await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-01-10', '其他', 'PUSHED', 'input-1') RETURNING id`,
    [station],
  );
});

afterAll(async () => {
  await t.close();
});

/** A refused request: HTTP 400, no data, one BAD_USER_INPUT error; answers its problems. */
async function refused(key: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<{ path: string; reason: string }[]> {
  const body = await gql(t, key, query, variables);
  expect({ status: body.status, codes: body.errors?.map((e) => e.extensions.code), data: body.data }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], data: undefined });
  return body.errors![0].extensions.problems ?? [];
}

describe('variables of the wrong type (F1)', () => {
  const INCLUDE = `query($b: Boolean!) { about @include(if: $b) { service } }`;

  test.each([
    ['no key', undefined],
    ['a key', 'province'],
  ] as const)('a string for a Boolean! variable is 400 BAD_USER_INPUT naming the variable (%s)', async (_label, role) => {
    const problems = await refused(role && s.keys[role], INCLUDE, { b: 'yes' });
    expect(problems).toEqual([{ path: '$b', reason: expect.stringContaining('Boolean cannot represent a non boolean value') }]);
  });

  test('a missing or null required variable is 400 with its name', async () => {
    expect(await refused(undefined, INCLUDE, {})).toEqual([{ path: '$b', reason: expect.stringContaining('was not provided') }]);
    expect(await refused(undefined, INCLUDE, { b: null })).toEqual([{ path: '$b', reason: expect.stringContaining('must not be null') }]);
  });

  test.each([
    ['no key', undefined],
    ['a key', 'province'],
  ] as const)('wrong values inside an input object and a list are 400 with their paths (%s)', async (_label, role) => {
    const query = `query($f: StationFilter, $n: Int!) { stations(filter: $f, first: $n) { totalCount } }`;
    const problems = await refused(role && s.keys[role], query, { f: { stars: [5, 'four', 3.5], hasVeto: 'no', unknownField: 1 }, n: '3' });
    expect(problems.map((p) => p.path).sort()).toEqual(['$f', '$f.hasVeto', '$f.stars[1]', '$f.stars[2]', '$n'].sort());
    expect(problems.find((p) => p.path === '$f.stars[1]')!.reason).toMatch(/Int cannot represent/);
    expect(problems.find((p) => p.path === '$f')!.reason).toMatch(/unknownField/);
  });

  test('wrong values in the variables of a mutation are refused before anything is written', async () => {
    const query = `mutation($s: String!, $p: Float!, $e: [String!]) { assessCriterion(stationCode: $s, criterionId: "1①", points: $p, note: "x", evidenceRefs: $e) { changed } }`;
    let problems: { path: string; reason: string }[] = [];
    const { count } = await countStatements(t.dataSource, async () => {
      problems = await refused(s.keys.province, query, { s: station, p: 'one', e: ['ok', 7, null] });
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['$e[1]', '$e[2]', '$p']);
    expect(count).toBe(0);
  });

  test('the same query with right values runs', async () => {
    expect((await gql(t, undefined, INCLUDE, { b: true })).data).toEqual({ about: { service: 'station-scorecard' } });
    const { stations } = await ok(t, s.keys.province, `query($f: StationFilter) { stations(filter: $f) { totalCount } }`, { f: { stars: [0, 1, 2, 3, 4, 5] } });
    expect(stations.totalCount).toBe(8);
  });
});

describe('control characters in text (F3)', () => {
  const NUL = 'a\u0000b';

  test.each([
    ['assessCriterion note', `mutation($s: String!, $n: String!) { assessCriterion(stationCode: $s, criterionId: "1①", points: 1, note: $n) { changed } }`, (v: string) => ({ n: v }), 'assessCriterion.note'],
    [
      'assessCriterion evidenceRefs',
      `mutation($s: String!, $e: [String!]) { assessCriterion(stationCode: $s, criterionId: "1①", points: 1, note: "核查", evidenceRefs: $e) { changed } }`,
      (v: string) => ({ e: ['记录', v] }),
      'assessCriterion.evidenceRefs[1]',
    ],
    ['markMissingItem', `mutation($s: String!, $j: String!) { markMissingItem(stationCode: $s, itemId: "46", justification: $j) { changed } }`, (v: string) => ({ j: v }), 'markMissingItem.justification'],
    ['unmarkMissingItem', `mutation($s: String!, $j: String!) { unmarkMissingItem(stationCode: $s, itemId: "46", justification: $j) { changed } }`, (v: string) => ({ j: v }), 'unmarkMissingItem.justification'],
  ])('%s: NUL is 400 with the argument path and nothing is written', async (_name, query, vars, path) => {
    let problems: { path: string; reason: string }[] = [];
    const { count } = await countStatements(t.dataSource, async () => {
      problems = await refused(s.keys.province, query, { s: station, ...vars(NUL) });
    });
    expect(problems).toEqual([{ path, reason: 'must not contain control characters' }]);
    expect(count).toBe(0);
  });

  test('liftVeto reason and setStarPolicy name', async () => {
    expect(await refused(s.keys.province, `mutation($v: String!, $r: String!) { liftVeto(vetoId: $v, reason: $r) { veto { id } } }`, { v: vetoId, r: NUL })).toEqual([
      { path: 'liftVeto.reason', reason: 'must not contain control characters' },
    ]);
    const policy = `mutation($i: StarPolicyInput!) { setStarPolicy(provinceCode: "130000", input: $i) { policy { id } } }`;
    expect(await refused(s.keys.province, policy, { i: { name: `政策${NUL}`, levels: [{ stars: 5, indicatorSet: 'ALL', threshold: 90 }] } })).toEqual([
      { path: 'setStarPolicy.input.name', reason: 'must not contain control characters' },
    ]);
    expect(await t.dataSource.query(`SELECT id FROM star_policy`)).toEqual([]);
  });

  test('in literals of the document too, nested in input objects, under an alias', async () => {
    const problems = await refused(s.keys.province, `{ page: stations(filter: { nameContains: "所\\u0000" }) { totalCount } }`);
    expect(problems).toEqual([{ path: 'page.filter.nameContains', reason: 'must not contain control characters' }]);
  });

  test.each([0x01, 0x08, 0x0b, 0x1f, 0x7f, 0x85, 0x9f].map((c) => [c.toString(16).padStart(4, '0'), String.fromCharCode(c)]))('every C0/C1 control character is refused in free text (U+%s)', async (_hex, c) => {
    const problems = await refused(s.keys.province, `mutation($v: String!, $r: String!) { liftVeto(vetoId: $v, reason: $r) { veto { id } } }`, { v: vetoId, r: `原因${c}` });
    expect(problems).toEqual([{ path: 'liftVeto.reason', reason: 'must not contain control characters' }]);
  });

  test('line breaks and tabs are free text (as on REST) but not a name or a search', async () => {
    const { liftVeto } = await ok(t, s.keys.province, `mutation($v: String!, $r: String!) { liftVeto(vetoId: $v, reason: $r) { veto { liftReason } } }`, { v: vetoId, r: '已整改\r\n\t复核通过' });
    expect(liftVeto.veto.liftReason).toBe('已整改\r\n\t复核通过');
    expect(await refused(s.keys.province, `query($q: String) { stations(filter: { nameContains: $q }) { totalCount } }`, { q: '所\n' })).toEqual([
      { path: 'stations.filter.nameContains', reason: 'must not contain control characters' },
    ]);
  });

  test('without a key the text is refused the same way (before UNAUTHENTICATED)', async () => {
    const problems = await refused(undefined, `query($q: String) { stations(filter: { nameContains: $q }) { totalCount } }`, { q: NUL });
    expect(problems).toEqual([{ path: 'stations.filter.nameContains', reason: 'must not contain control characters' }]);
  });

  test('Chinese text, emoji and other printable Unicode pass', async () => {
    const { stations } = await ok(t, s.keys.province, `query($q: String) { stations(filter: { nameContains: $q }) { totalCount } }`, { q: '市场监督管理所😀 ü' });
    expect(stations.totalCount).toBe(0);
  });
});

describe('cursors', () => {
  const cursor = (...key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

  test.each([
    ['a NUL in its key', cursor('CODE', 'a\u0000')],
    ['a control character in its key', cursor('CODE', '所\u0001')],
    ['not base64 JSON', '%%%'],
    ['another order', cursor('NAME', 'x', 'y')],
  ])('a cursor with %s is BAD_USER_INPUT on after', async (_what, after) => {
    const body = await gql(t, s.keys.province, `query($a: String) { stations(first: 2, orderBy: CODE, after: $a) { edges { node { code } } } }`, { a: after });
    expect(body.errors?.map((e) => [e.extensions.code, e.extensions.problems?.[0]?.path])).toEqual([['BAD_USER_INPUT', 'after']]);
  });
});

describe('requests Apollo refuses before our checks', () => {
  const post = (body: Record<string, unknown>) => t.http().post('/graphql').set('content-type', 'application/json').send(body);

  test('a subscription (this API has none) is 400 BAD_USER_INPUT, not an execution failure', async () => {
    const res = await post({ query: 'subscription { about { service } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: 'this API has no subscription operations', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'subscription', reason: 'use query or mutation' }] } }]);
  });

  test.each([
    ['a hash that does not match the query', { query: '{ about { service } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }],
    ['an unknown persisted-query version', { query: '{ about { service } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }],
  ])('a persisted query with %s is 400 BAD_USER_INPUT', async (_what, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
