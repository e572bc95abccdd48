/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// What a key sees of other keys and of other regions: recompute runs of its own region only,
// and API key ids (requestedBy, assessedBy, markedBy, liftedBy) only its own, or every one
// for an ADMIN key. The response cache never hands one key's answer to another.
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { ResponseCache } from '../../src/dashboard/response-cache/response-cache.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CITY, COUNTY, PROVINCE, gql, ok, seedProvince, type Keys, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;
/** Key id by role name of Keys. */
let ids: Record<keyof Keys, string>;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
  const keys = t.app.get(ApiKeyService);
  const idOf = async (key: string) => (await keys.verify(key))!.keyId;
  ids = Object.fromEntries(await Promise.all(Object.entries(s.keys).map(async ([role, key]) => [role, await idOf(key)]))) as Record<keyof Keys, string>;
});

afterAll(async () => {
  await t.close();
});

describe('recomputeRuns', () => {
  beforeAll(async () => {
    await t.dataSource.query(
      `INSERT INTO recompute_run (scope_region_code, trigger, status, cut_off, requested_by, created_at) VALUES
         (NULL, 'NIGHTLY', 'SUCCEEDED', '2026-06-29', NULL, now() - interval '6 hours'),
         ('${PROVINCE}', 'POLICY_CHANGE', 'QUEUED', '2026-06-30', '${ids.province}', now() - interval '5 hours'),
         ('${CITY}', 'MANUAL', 'QUEUED', '2026-06-30', '${ids.city}', now() - interval '4 hours'),
         ('${COUNTY}', 'MANUAL', 'QUEUED', '2026-06-30', '${ids.province}', now() - interval '3 hours'),
         ('130100', 'MANUAL', 'QUEUED', '2026-06-30', '${ids.admin}', now() - interval '2 hours'),
         ('140000', 'MANUAL', 'QUEUED', '2026-06-30', '${ids.otherProvince}', now() - interval '1 hour')`,
    );
  });

  const runs = async (role: keyof Keys) => (await ok(t, s.keys[role], `{ recomputeRuns { scopeRegionCode requestedBy } }`)).recomputeRuns;

  test('a key sees the runs of its own region only; an admin key every run', async () => {
    const scopes = async (role: keyof Keys) => (await runs(role)).map((r: any) => r.scopeRegionCode);
    expect(await scopes('county')).toEqual([COUNTY]);
    expect(await scopes('otherCounty')).toEqual([]);
    expect(await scopes('city')).toEqual([COUNTY, CITY]);
    expect(await scopes('province')).toEqual(['130100', COUNTY, CITY, PROVINCE]);
    expect(await scopes('otherProvince')).toEqual(['140000']);
    expect(await scopes('admin')).toEqual(['140000', '130100', COUNTY, CITY, PROVINCE, null]);
  });

  test("requestedBy: the key's own id, every id for an admin, null otherwise", async () => {
    expect(await runs('county')).toEqual([{ scopeRegionCode: COUNTY, requestedBy: null }]);
    expect(await runs('city')).toEqual([
      { scopeRegionCode: COUNTY, requestedBy: null },
      { scopeRegionCode: CITY, requestedBy: ids.city },
    ]);
    expect((await runs('province')).map((r: any) => r.requestedBy)).toEqual([null, ids.province, null, ids.province]);
    expect((await runs('admin')).map((r: any) => r.requestedBy)).toEqual([ids.otherProvince, ids.admin, ids.province, ids.city, ids.province, null]);
  });

  test('two keys of one role and region: the cached answer of one never shows its id to the other', async () => {
    const second = await t.apiKey('CITY', CITY);
    const query = `{ recomputeRuns { scopeRegionCode requestedBy } }`;
    expect((await ok(t, s.keys.city, query)).recomputeRuns[1]).toEqual({ scopeRegionCode: CITY, requestedBy: ids.city });
    expect((await ok(t, second, query)).recomputeRuns[1]).toEqual({ scopeRegionCode: CITY, requestedBy: null });
    expect((await ok(t, s.keys.city, query)).recomputeRuns[1]).toEqual({ scopeRegionCode: CITY, requestedBy: ids.city });
  });
});

describe('key ids of reviewers', () => {
  beforeAll(async () => {
    const review = `mutation($s: String!) {
      assessCriterion(stationCode: $s, criterionId: "1①", points: 1, note: "现场核查") { assessment { assessedBy } }
      markMissingItem(stationCode: $s, itemId: "46", justification: "无信息化职责") { mark { markedBy } } }`;
    const { assessCriterion, markMissingItem } = await ok(t, s.keys.city, review, { s: s.countyStation });
    // The key that acts sees its own id in the answer.
    expect(assessCriterion.assessment.assessedBy).toBe(ids.city);
    expect(markMissingItem.mark.markedBy).toBe(ids.city);
    await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest, lifted_at, lifted_by, lift_reason)
       VALUES ($1, 'OTHER', '2026-01-10', '其他', 'PUSHED', 'visibility-1', now(), $2, '已整改')`,
      [s.countyStation, ids.province],
    );
  });

  const STATION = `query($s: String!) { station(code: $s) { assessments { assessedBy } missingItemMarks { markedBy } vetoes(includeLifted: true) { liftedBy } } }`;
  const seen = async (role: keyof Keys) => {
    const { station } = await ok(t, s.keys[role], STATION, { s: s.countyStation });
    return { assessedBy: station.assessments[0].assessedBy, markedBy: station.missingItemMarks[0].markedBy, liftedBy: station.vetoes[0].liftedBy };
  };

  test.each([
    ['county', { assessedBy: null, markedBy: null, liftedBy: null }],
    ['city', () => ({ assessedBy: ids.city, markedBy: ids.city, liftedBy: null })],
    ['province', () => ({ assessedBy: null, markedBy: null, liftedBy: ids.province })],
    ['admin', () => ({ assessedBy: ids.city, markedBy: ids.city, liftedBy: ids.province })],
  ] as const)('%s key', async (role, expected) => {
    expect(await seen(role)).toEqual(typeof expected === 'function' ? expected() : expected);
  });

  test('vetoes of a region show liftedBy under the same rule', async () => {
    const query = `{ vetoes(regionCode: "${COUNTY}", includeLifted: true) { liftedBy } }`;
    expect((await ok(t, s.keys.county, query)).vetoes).toEqual([{ liftedBy: null }]);
    expect((await ok(t, s.keys.province, query)).vetoes).toEqual([{ liftedBy: ids.province }]);
  });

  test('no other field of the schema carries a key id', async () => {
    const body = await gql(t, undefined, `{ __schema { types { name fields { name } } } }`);
    const fields = (body.data as any).__schema.types.flatMap((type: any) => (type.fields ?? []).map((f: any) => `${type.name}.${f.name}`));
    // ApplicationCertification.certifiedBy is the certifying organisation's name (附件3), not a key id.
    expect(fields.filter((f: string) => /By$|keyId|apiKey/i.test(f)).sort()).toEqual(['ApplicationCertification.certifiedBy', 'MissingItemMark.markedBy', 'RecomputeRun.requestedBy', 'ReviewerAssessment.assessedBy', 'Veto.liftedBy']);
  });
});

test('answers without a key id are still shared by keys of one role and region', async () => {
  const second = await t.apiKey('PROVINCE', PROVINCE);
  const query = `{ recomputeRuns { scopeRegionCode } }`;
  const first = await ok(t, s.keys.province, query);
  const stats = t.app.get(ResponseCache).stats();
  expect(await ok(t, second, query)).toEqual(first);
  expect(t.app.get(ResponseCache).stats().hits).toBe(stats.hits + 1);
});

describe('what exists outside the key\'s region is not revealed', () => {
  const codes = async (role: keyof Keys, query: string, variables: Record<string, unknown>) => (await gql(t, s.keys[role], query, variables)).errors?.map((e) => e.extensions.code);

  test('station: one outside the region answers like one that does not exist', async () => {
    const query = `query($c: String!) { station(code: $c) { code } }`;
    expect(await codes('county', query, { c: s.farStation })).toEqual(['NOT_FOUND']);
    expect(await codes('county', query, { c: `${COUNTY}999` })).toEqual(['NOT_FOUND']);
    expect(await codes('otherProvince', query, { c: s.countyStation })).toEqual(['NOT_FOUND']);
  });

  test('reviewer mutations on a station outside the region: NOT_FOUND, as for an unknown one', async () => {
    const assess = `mutation($c: String!) { assessCriterion(stationCode: $c, criterionId: "1①", points: 1, note: "核查") { changed } }`;
    expect(await codes('otherProvince', assess, { c: s.countyStation })).toEqual(['NOT_FOUND']);
    expect(await codes('otherProvince', assess, { c: '140105999' })).toEqual(['NOT_FOUND']);
    // A role that may not review at all learns nothing either: FORBIDDEN before any lookup.
    expect(await codes('county', assess, { c: s.farStation })).toEqual(['FORBIDDEN']);
  });

  test('liftVeto on a veto outside the region: NOT_FOUND, as for an unknown one', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-02-10', '其他', 'PUSHED', 'visibility-2') RETURNING id`,
      [s.countyStation],
    );
    const lift = `mutation($v: String!) { liftVeto(vetoId: $v, reason: "x") { veto { id } } }`;
    expect(await codes('otherProvince', lift, { v: id })).toEqual(['NOT_FOUND']);
    expect(await codes('otherProvince', lift, { v: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
  });
});
