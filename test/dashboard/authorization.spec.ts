// Authorization of every query and mutation by role and region: no key → UNAUTHENTICATED;
// a region outside the key → FORBIDDEN; a station or veto outside it → NOT_FOUND, as if it
// did not exist; a role without the right → FORBIDDEN.
import { systemContext } from '../../src/ingestion/write-context.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CITY, COUNTY, PROVINCE, errorCodes, gql, seedProvince, type Keys, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;
let vetoId: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
  [{ id: vetoId }] = await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-01-10', '其他', 'PUSHED', 'auth-1') RETURNING id`,
    [s.countyStation],
  );
  const [key] = await t.dataSource.query(`SELECT id, role, region_code FROM api_key WHERE role = 'PROVINCE' AND region_code = $1`, [PROVINCE]);
  const principal = { keyId: key.id, role: key.role, regionCode: key.region_code };
  roundId = (await t.app.get(RoundsService).open(systemContext(principal), { provinceCode: PROVINCE, name: '授权测试批次', level: 'FIVE_STAR', cutOff: '2026-06-30', applicationDeadline: new Date(Date.now() + 86_400_000), publicationDays: 7 })).id;
});

afterAll(async () => {
  await t.close();
});

type Role = keyof Keys;
const ROLES: Role[] = ['admin', 'province', 'city', 'county', 'otherCounty', 'otherProvince'];
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND';

interface Operation {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** Expected outcome per role (missing roles: FORBIDDEN). */
  allowed: Partial<Record<Role, Outcome>>;
}

const everyone: Partial<Record<Role, Outcome>> = { admin: 'OK', province: 'OK', city: 'OK', county: 'OK', otherCounty: 'OK', otherProvince: 'OK' };
const inProvince: Partial<Record<Role, Outcome>> = { admin: 'OK', province: 'OK' };

const OPERATIONS: Operation[] = [
  { name: 'rubric', query: `{ rubric { version } }`, variables: () => ({}), allowed: everyone },
  { name: 'regions', query: `{ regions { code } }`, variables: () => ({}), allowed: everyone },
  { name: 'regions(parentCode: province)', query: `{ regions(parentCode: "${PROVINCE}") { code } }`, variables: () => ({}), allowed: inProvince },
  { name: 'region(province)', query: `{ region(code: "${PROVINCE}") { summary { stationCount } } }`, variables: () => ({}), allowed: inProvince },
  { name: 'region(city)', query: `{ region(code: "${CITY}") { summary { stationCount } } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK' } },
  { name: 'region(county)', query: `{ region(code: "${COUNTY}") { summary { stationCount } } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK', county: 'OK' } },
  { name: 'stations (filtered to the key)', query: `{ stations(first: 5) { edges { node { code } } } }`, variables: () => ({}), allowed: everyone },
  {
    name: 'stations(filter: regionCode city)',
    query: `{ stations(first: 5, filter: { regionCode: "${CITY}" }) { edges { node { code } } } }`,
    variables: () => ({}),
    allowed: { ...inProvince, city: 'OK' },
  },
  // A station outside the key's region answers NOT_FOUND, like an unknown one.
  {
    name: 'station(county station)',
    query: `query($c: String!) { station(code: $c) { code } }`,
    variables: () => ({ c: s.countyStation }),
    allowed: { ...inProvince, city: 'OK', county: 'OK', otherCounty: 'NOT_FOUND', otherProvince: 'NOT_FOUND' },
  },
  {
    name: 'station(far station)',
    query: `query($c: String!) { station(code: $c) { code } }`,
    variables: () => ({ c: s.farStation }),
    allowed: { ...inProvince, city: 'NOT_FOUND', county: 'NOT_FOUND', otherCounty: 'NOT_FOUND', otherProvince: 'NOT_FOUND' },
  },
  { name: 'rankings(province)', query: `{ rankings(regionCode: "${PROVINCE}") { rank } }`, variables: () => ({}), allowed: inProvince },
  { name: 'rankings(city)', query: `{ rankings(regionCode: "${CITY}") { rank } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK' } },
  { name: 'vetoes(province)', query: `{ vetoes(regionCode: "${PROVINCE}") { id } }`, variables: () => ({}), allowed: inProvince },
  { name: 'vetoes(county)', query: `{ vetoes(regionCode: "${COUNTY}") { id } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK', county: 'OK' } },
  { name: 'recomputeRuns', query: `{ recomputeRuns { id } }`, variables: () => ({}), allowed: everyone },
  { name: 'starPolicy(province)', query: `{ starPolicy(provinceCode: "${PROVINCE}") { id } }`, variables: () => ({}), allowed: { ...everyone, otherProvince: 'FORBIDDEN' } },
  {
    name: 'assessCriterion',
    query: `mutation($c: String!) { assessCriterion(stationCode: $c, criterionId: "2①", points: 0.5, note: "现场核查") { changed } }`,
    variables: () => ({ c: s.countyStation }),
    allowed: { ...inProvince, city: 'OK', otherProvince: 'NOT_FOUND' },
  },
  {
    name: 'markMissingItem',
    query: `mutation($c: String!) { markMissingItem(stationCode: $c, itemId: "46", justification: "无信息化职责") { changed } }`,
    variables: () => ({ c: s.countyStation }),
    allowed: { ...inProvince, city: 'OK', otherProvince: 'NOT_FOUND' },
  },
  {
    // Not marked: a role allowed to review gets NOT_FOUND, every other role FORBIDDEN first.
    name: 'unmarkMissingItem',
    query: `mutation($c: String!) { unmarkMissingItem(stationCode: $c, itemId: "45", justification: "复核") { changed } }`,
    variables: () => ({ c: s.countyStation }),
    allowed: { admin: 'NOT_FOUND', province: 'NOT_FOUND', city: 'NOT_FOUND', otherProvince: 'NOT_FOUND' },
  },
  {
    // An unknown veto: allowed roles get NOT_FOUND (the real one is lifted in mutations.spec).
    name: 'liftVeto (unknown veto)',
    query: `mutation { liftVeto(vetoId: "00000000-0000-4000-8000-000000000000", reason: "已整改") { veto { id } } }`,
    variables: () => ({}),
    allowed: { admin: 'NOT_FOUND', province: 'NOT_FOUND', otherProvince: 'NOT_FOUND' },
  },
  {
    name: 'setStarPolicy',
    query: `mutation { setStarPolicy(provinceCode: "${PROVINCE}", input: { name: "测试", levels: [{ stars: 5, indicatorSet: ALL, threshold: 90 }] }) { policy { id } } }`,
    variables: () => ({}),
    allowed: inProvince,
  },
  // Rating rounds: any key inside the province reads them; another province's round does not exist for the key.
  { name: 'rounds', query: `{ rounds { id } }`, variables: () => ({}), allowed: everyone },
  { name: 'rounds(province)', query: `{ rounds(provinceCode: "${PROVINCE}") { id } }`, variables: () => ({}), allowed: { ...everyone, otherProvince: 'FORBIDDEN' } },
  { name: 'round', query: `query($r: ID!) { round(id: $r) { id counts { status } applications(first: 5) { totalCount } warnings { stationCode } } }`, variables: () => ({ r: roundId }), allowed: { ...everyone, otherProvince: 'NOT_FOUND' } },
  { name: 'verifyRound', query: `query($r: ID!) { verifyRound(id: $r) { ok } }`, variables: () => ({ r: roundId }), allowed: { ...everyone, otherProvince: 'NOT_FOUND' } },
  // The mutations' full matrix is test/rounds/review-rules.spec.ts; an unknown round: NOT_FOUND for the roles that may manage rounds.
  { name: 'closeApplications(unknown round)', query: `mutation { closeApplications(roundId: "00000000-0000-4000-8000-000000000000") { id } }`, variables: () => ({}), allowed: { admin: 'NOT_FOUND', province: 'NOT_FOUND', otherProvince: 'NOT_FOUND' } },
  { name: 'startRecompute(city)', query: `mutation { startRecompute(regionCode: "${CITY}") { id } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK' } },
  { name: 'startRecompute(county)', query: `mutation { startRecompute(regionCode: "${COUNTY}") { id } }`, variables: () => ({}), allowed: { ...inProvince, city: 'OK' } },
];

describe.each(OPERATIONS)('$name', (op) => {
  test('without a key, or with an unknown key: UNAUTHENTICATED', async () => {
    expect(await errorCodes(t, undefined, op.query, op.variables())).toEqual(['UNAUTHENTICATED']);
    expect(await errorCodes(t, 'ssk_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', op.query, op.variables())).toEqual(['UNAUTHENTICATED']);
  });

  test.each(ROLES)('%s', async (role) => {
    const body = await gql(t, s.keys[role], op.query, op.variables());
    const outcome = body.errors?.length ? body.errors.map((e) => e.extensions.code).join(',') : 'OK';
    expect(outcome).toBe(op.allowed[role] ?? 'FORBIDDEN');
  });
});

test('liftVeto on a real veto: FORBIDDEN for the roles that may not lift, NOT_FOUND for another province', async () => {
  const q = `mutation($v: String!) { liftVeto(vetoId: $v, reason: "经复核已整改") { veto { lifted } } }`;
  for (const role of ['city', 'county', 'otherCounty'] as const) {
    expect(await errorCodes(t, s.keys[role], q, { v: vetoId })).toEqual(['FORBIDDEN']);
  }
  expect(await errorCodes(t, s.keys.otherProvince, q, { v: vetoId })).toEqual(['NOT_FOUND']);
  expect(await errorCodes(t, s.keys.province, q, { v: vetoId })).toEqual([]);
  expect(await errorCodes(t, s.keys.admin, q, { v: vetoId })).toEqual(['CONFLICT']);
});

test('about needs no key', async () => {
  const body = await gql(t, undefined, `{ about { service } }`);
  expect(body).toMatchObject({ data: { about: { service: 'station-scorecard' } } });
  expect(body.errors).toBeUndefined();
});

test('a revoked key is UNAUTHENTICATED at once', async () => {
  const key = await t.apiKey('PROVINCE', PROVINCE);
  expect(await errorCodes(t, key, `{ rubric { version } }`)).toEqual([]);
  const [{ id }] = await t.dataSource.query(`SELECT id FROM api_key ORDER BY created_at DESC LIMIT 1`);
  const { ApiKeyService } = await import('../../src/auth/api-key.service.js');
  await t.app.get(ApiKeyService).revoke(id);
  expect(await errorCodes(t, key, `{ rubric { version } }`)).toEqual(['UNAUTHENTICATED']);
});
