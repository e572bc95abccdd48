// Facts round-trip through the database, and scores are stored only when they say
// something new.
import { createHash } from 'node:crypto';
import { generateProvince } from '../../src/generator/index.js';
import { getRubric, getRubricIndex, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { collectionDigest, scoreStation, type StationFacts } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const AS_OF = '2026-06-30';
const province = generateProvince({ stations: 6, seed: 'scoring-spec', asOf: AS_OF });
const bundles = [...province.stations()];
const codes = province.stationCodes;
const rubric = getRubric('national-2023');

let t: TestApp;
let scoring: StationScoringService;

beforeAll(async () => {
  t = await createTestApp();
  scoring = t.app.get(StationScoringService);
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  for (const bundle of bundles) await insertStationBundle(t.dataSource, bundle);
});

afterAll(async () => {
  await t.close();
});

const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

test('facts loaded from the database score exactly like the generated bundles', async () => {
  const loaded = await new FactsLoader(t.dataSource.manager).load(codes, rubric.version);
  expect([...loaded.keys()].sort()).toEqual([...codes].sort());
  const context = { cutOff: AS_OF, rubric, policy: NATIONAL_DEFAULT_POLICY };
  for (const bundle of bundles) {
    const fromDb = loaded.get(bundle.code)!.facts;
    const direct: StationFacts = {
      ...fromDb,
      profile: bundle.profile,
      personnel: bundle.personnel,
      equipment: bundle.equipment,
      cases: bundle.cases,
      complaintFigures: bundle.complaintFigures,
      certifications: bundle.certifications,
      bonusEvents: bundle.bonusEvents,
      annualReviews: bundle.annualReviews,
      digests: undefined,
    };
    const a = scoreStation(fromDb, context);
    const b = scoreStation(direct, context);
    // with stored digests the hash reads them instead of the rows, so it differs by design;
    // everything the score says is the same
    expect(a.inputHash).not.toBe(b.inputHash);
    expect({ ...a, inputHash: '' }).toEqual({ ...b, inputHash: '' });
    // and the rows themselves serialise exactly like the bundle's
    expect(scoreStation({ ...fromDb, digests: undefined }, context).inputHash).toBe(b.inputHash);
  }
});

test('the loader supplies one digest per collection: collectionDigest over the rows’ stored digests', async () => {
  const loaded = await new FactsLoader(t.dataSource.manager).load(codes, rubric.version);
  const stored = async (table: string, code: string, digest = 'row_digest') =>
    (await t.dataSource.query<{ d: string }[]>(`SELECT ${digest} AS d FROM ${table} WHERE station_code = $1`, [code])).map((r) => r.d);
  const tables = { personnel: 'person', equipment: 'equipment', cases: 'enforcement_case', complaintFigures: 'complaint_figures', certifications: 'certification', bonusEvents: 'bonus_event' } as const;
  for (const [code, { facts }] of loaded) {
    const d = facts.digests!;
    expect(d.profile).toMatch(/^[0-9a-f]{64}$/);
    for (const [key, table] of Object.entries(tables) as [keyof typeof tables, string][]) {
      expect([key, d[key]]).toEqual([key, collectionDigest(await stored(table, code))]);
      expect([key, d[key]!.rows]).toEqual([key, facts[key].length]);
    }
    expect(d.vetoEvents).toEqual(collectionDigest(await stored('veto_event', code, `id::text || ':' || content_digest || ':' || (lifted_at IS NOT NULL)::text`)));
    expect(d.annualReviews).toBeUndefined();
  }
});

test('two loads of the same data hash alike; a changed row with its new digest changes the hash', async () => {
  const hashes = async () => {
    const loaded = await new FactsLoader(t.dataSource.manager).load(codes, rubric.version);
    const context = { cutOff: AS_OF, rubric, policy: NATIONAL_DEFAULT_POLICY };
    return new Map([...loaded].map(([code, l]) => [code, scoreStation(l.facts, context).inputHash]));
  };
  const first = await hashes();
  expect(await hashes()).toEqual(first);

  const code = codes[1];
  const [row] = await t.dataSource.query(`SELECT external_id, quantity FROM equipment WHERE station_code = $1 ORDER BY external_id LIMIT 1`, [code]);
  const bundle = bundles.find((b) => b.code === code)!;
  const changed = { ...bundle.equipment.find((e) => e.externalId === row.external_id)!, quantity: row.quantity + 1 };
  await t.dataSource.query(`UPDATE equipment SET quantity = $3, row_digest = $4 WHERE station_code = $1 AND external_id = $2`, [
    code,
    row.external_id,
    changed.quantity,
    createHash('sha256').update(JSON.stringify(changed)).digest('hex'),
  ]);
  try {
    const second = await hashes();
    expect(second.get(code)).not.toBe(first.get(code));
    for (const other of codes.filter((c) => c !== code)) expect(second.get(other)).toBe(first.get(other));
    // a veto and its lifting each change the hash of its station only
    const vetoed = codes[2];
    const [veto] = await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, person_external_id, origin, content_digest)
       VALUES ($1, 'OTHER', $2, '测试否定事项', NULL, 'PUSHED', $3) RETURNING id`,
      [vetoed, AS_OF, createHash('sha256').update('测试否定事项').digest('hex')],
    );
    try {
      const third = await hashes();
      expect(third.get(vetoed)).not.toBe(second.get(vetoed));
      const vetoDigests = async () => (await new FactsLoader(t.dataSource.manager).load([vetoed], rubric.version)).get(vetoed)!.facts.digests!.vetoEvents;
      const vetoDigest = (lifted: boolean) => collectionDigest([`${veto.id}:${createHash('sha256').update('测试否定事项').digest('hex')}:${lifted}`]);
      expect(await vetoDigests()).toEqual(vetoDigest(false));
      await t.dataSource.query(`UPDATE veto_event SET lifted_at = now(), lift_reason = '复核撤销' WHERE id = $1`, [veto.id]);
      expect(await vetoDigests()).toEqual(vetoDigest(true));
      const fourth = await hashes();
      expect(fourth.get(vetoed)).not.toBe(third.get(vetoed));
      expect(fourth.get(vetoed)).not.toBe(second.get(vetoed));
      for (const other of codes.filter((c) => c !== vetoed)) expect(fourth.get(other)).toBe(second.get(other));
    } finally {
      await t.dataSource.query(`DELETE FROM veto_event WHERE id = $1`, [veto.id]);
    }
  } finally {
    await t.dataSource.query(`UPDATE equipment SET quantity = $3, row_digest = $4 WHERE station_code = $1 AND external_id = $2`, [
      code,
      row.external_id,
      row.quantity,
      createHash('sha256').update(JSON.stringify(bundle.equipment.find((e) => e.externalId === row.external_id))).digest('hex'),
    ]);
  }
  expect(await hashes()).toEqual(first);
});

test('a first scoring writes one snapshot per station with every indicator and criterion', async () => {
  const outcome = await scoring.score(codes, { cutOff: AS_OF });
  expect(outcome.changed.sort()).toEqual([...codes].sort());
  expect(outcome.failed).toEqual([]);
  expect(await count('score_snapshot')).toBe(codes.length);
  expect(await count('score_criterion')).toBe(codes.length * 121);
  expect(await count('score_indicator')).toBe(codes.length * (5 + 21 + 46));
  const rows = await t.dataSource.query(`SELECT ss.station_code, ss.total::float8 AS total, ss.stars, s.total::float8 AS snapshot_total
                                          FROM station_score ss JOIN score_snapshot s ON s.id = ss.snapshot_id`);
  expect(rows).toHaveLength(codes.length);
  for (const row of rows) expect(row.total).toBe(row.snapshot_total);
});

test('the same inputs again write nothing', async () => {
  const before = await t.dataSource.query(`SELECT station_code, evaluated_at FROM station_score ORDER BY station_code`);
  const outcome = await scoring.score(codes, { cutOff: AS_OF });
  expect(outcome.skipped.sort()).toEqual([...codes].sort());
  expect(await count('score_snapshot')).toBe(codes.length);
  expect(await t.dataSource.query(`SELECT station_code, evaluated_at FROM station_score ORDER BY station_code`)).toEqual(before);
});

test('a later cut-off records the evaluation and adds a snapshot only where the score changed', async () => {
  const outcome = await scoring.score(codes, { cutOff: '2026-07-01' });
  expect(outcome.changed.length + outcome.confirmed.length).toBe(codes.length);
  expect(await count('score_snapshot')).toBe(codes.length + outcome.changed.length);
  const cutOffs = await t.dataSource.query(`SELECT DISTINCT cut_off FROM station_score`);
  expect(cutOffs).toEqual([{ cut_off: '2026-07-01' }]);
});

test('a reviewer assessment changes the stored points and reason', async () => {
  const code = codes[0];
  const criterion = getRubricIndex(rubric).criteria[0];
  await t.dataSource.query(`INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note) VALUES ($1, $2, $3, $4, $5)`, [
    code,
    rubric.version,
    criterion.id,
    criterion.points,
    '现场核查：业务指导到位',
  ]);
  const outcome = await scoring.score([code], { cutOff: '2026-07-01' });
  expect(outcome.changed).toEqual([code]);
  const [row] = await t.dataSource.query(
    `SELECT c.points::float8 AS points, c.status, c.assessed, c.reason FROM station_score ss
     JOIN score_criterion c ON c.snapshot_id = ss.snapshot_id WHERE ss.station_code = $1 AND c.criterion_id = $2`,
    [code, criterion.id],
  );
  expect(row).toMatchObject({ points: criterion.points, status: 'MET', assessed: true });
  expect(row.reason).toContain('现场核查：业务指导到位');
});

test('an unknown station is reported missing, not failed', async () => {
  const outcome = await scoring.score(['999999999'], { cutOff: AS_OF });
  expect(outcome).toMatchObject({ missing: ['999999999'], changed: [], failed: [] });
});
