import { jest } from '@jest/globals';
import { addDays, addYears } from '../../src/domain/dates.js';
import type { StationBundle } from '../../src/domain/station-data.js';
import { generateProvince } from '../../src/generator/index.js';
import { RecomputeHandlers } from '../../src/recompute/recompute-handlers.js';
import { RECOMPUTE_JOBS } from '../../src/recompute/recompute-jobs.js';
import { RecomputeQueue } from '../../src/recompute/recompute-queue.js';
import { assertHandlersComplete, MissingJobHandlerError } from '../../src/recompute/recompute.worker.js';
import { getRubricIndex, getRubric } from '../../src/rubric/index.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const AS_OF = '2026-06-30';
const province = generateProvince({ stations: 2, seed: 'debounce', asOf: AS_OF });

let t: TestApp;
let handlers: RecomputeHandlers;

beforeAll(async () => {
  t = await createTestApp({ runWorker: true, env: { OUTBOX_POLL_MS: '100', RECOMPUTE_DEBOUNCE_MS: '300' } });
  handlers = t.app.get(RecomputeHandlers);
  await insertMediationAverages(t.dataSource, province.mediationAverages);
});

afterAll(async () => {
  await t.close();
});

const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

test('a burst of 10,000 changes to one station runs at most 2 recomputes', async () => {
  const bundle = province.station(0);
  await insertStationBundle(t.dataSource, bundle);
  const calls = jest.spyOn(handlers, 'station');
  for (let i = 0; i < 10; i++) {
    await query(`INSERT INTO outbox_event (station_code, reason) SELECT $1, 'burst' FROM generate_series(1, 1000)`, [bundle.code]);
  }
  await waitFor(() => query(`SELECT count(*)::int AS n FROM station_score WHERE station_code = $1`, [bundle.code]), (r) => r[0].n === 1);
  await waitForRecomputesIdle(t);
  // Give a third recompute, if one were queued, the time to show up.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(calls.mock.calls.length).toBeGreaterThanOrEqual(1);
  expect(calls.mock.calls.length).toBeLessThanOrEqual(2);
  calls.mockRestore();
});

test('nightly: a disciplinary record ageing past 2 years gives 18② back without any push', async () => {
  const base = province.station(1);
  const recordDate = addDays(addYears(AS_OF, -2), 5); // inside 近2年 on AS_OF, outside 6 days later
  const bundle: StationBundle = {
    ...base,
    personnel: base.personnel.map((p, i) => (i === 0 ? { ...p, disciplinaryRecords: [{ date: recordDate, kind: '警告', description: '迟报' }] } : { ...p, disciplinaryRecords: [] })),
    certifications: base.certifications.map((c) => ({ ...c, items: { ...c.items, '5': true } })),
  };
  await insertStationBundle(t.dataSource, bundle);
  const criterion18 = getRubricIndex(getRubric('national-2023')).criterionByCode.get('18②')!;
  const points18 = async () =>
    (
      await query(
        `SELECT c.points::float8 AS points, c.reason, ss.cut_off FROM station_score ss JOIN score_criterion c ON c.snapshot_id = ss.snapshot_id
         WHERE ss.station_code = $1 AND c.criterion_id = $2`,
        [bundle.code, criterion18.id],
      )
    )[0];

  const queue = t.app.get(RecomputeQueue).instance;
  await queue.add(RECOMPUTE_JOBS.nightly, { cutOff: AS_OF });
  const before = await waitFor(points18, (row) => row?.cut_off === AS_OF);
  expect(before.points).toBe(0);

  const later = addDays(AS_OF, 6);
  await queue.add(RECOMPUTE_JOBS.nightly, { cutOff: later });
  const after = await waitFor(points18, (row) => row?.cut_off === later);
  expect(after.points).toBe(criterion18.points);
  const runs = await query(`SELECT trigger, status, changed FROM recompute_run WHERE trigger = 'NIGHTLY' AND cut_off = $1`, [later]);
  expect(runs).toHaveLength(1);
  expect(runs[0].status).toBe('SUCCEEDED');
  expect(runs[0].changed).toBeGreaterThanOrEqual(1);
});

test('the worker refuses to start when a job name has no handler', () => {
  const table = handlers.byName();
  expect(() => assertHandlersComplete(table)).not.toThrow();
  const { [RECOMPUTE_JOBS.chunk]: _dropped, ...withoutChunk } = table;
  expect(() => assertHandlersComplete(withoutChunk)).toThrow(MissingJobHandlerError);
  expect(() => assertHandlersComplete(withoutChunk)).toThrow(/no handler for chunk/);
  expect(() => assertHandlersComplete({ ...table, surprise: async () => undefined })).toThrow(/undeclared jobs surprise/);
});
