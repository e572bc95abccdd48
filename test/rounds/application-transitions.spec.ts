// transitionApplication: the status table decides, the version guards against a concurrent
// change, the history records who moved it and why.
import type { Principal } from '../../src/auth/principal.js';
import { systemContext } from '../../src/ingestion/write-context.js';
import { recordTransition, transitionApplication } from '../../src/rounds/application-transitions.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { as, openInput, principals } from './rounds-support.js';

let t: TestApp;
let s: Seeded;
let keys: Record<string, Principal>;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 4);
  keys = await principals(t);
  roundId = (await t.app.get(RoundsService).open(as(keys[`PROVINCE:${PROVINCE}`]), openInput({ name: '状态批次' }))).id;
});

afterAll(async () => {
  await t.close();
});

test('draft → submitted → withdrawn → edited → submitted → returned, each recorded once; a wrong status or a stale version is a 409', async () => {
  const county = as(keys[`COUNTY:${COUNTY}`]);
  const province = as(keys[`PROVINCE:${PROVINCE}`]);
  const [app] = await t.dataSource.query(`INSERT INTO round_application (round_id, station_code, version) VALUES ($1, $2, 1) RETURNING id, status, version`, [roundId, s.province.stationCodes[0]]);
  await t.dataSource.transaction((m) => recordTransition(m, county, app.id, null, 'DRAFT'));
  // Submitting needs frozen facts (a CHECK): the county helper freezes them in the same transaction.
  await t.dataSource.query(`UPDATE round_application SET frozen_facts = '{}'::jsonb, frozen_input_hash = repeat('0', 64), submitted_at = now() WHERE id = $1`, [app.id]);

  let state = { id: app.id, status: app.status, version: app.version };
  const step = async (ctx: typeof county, action: Parameters<typeof transitionApplication>[3], reason: string | null = null) => {
    const next = await t.dataSource.transaction((m) => transitionApplication(m, ctx, state, action, reason));
    state = { ...state, ...next };
    return next;
  };
  expect(await step(county, 'submit')).toEqual({ status: 'SUBMITTED', version: 2 });
  await expect(step(county, 'submit')).rejects.toMatchObject({ code: 'CONFLICT', message: 'the application is SUBMITTED; submit needs DRAFT or RETURNED' });
  expect(await step(county, 'withdraw')).toEqual({ status: 'DRAFT', version: 3 });
  expect(await step(county, 'editDraft')).toEqual({ status: 'DRAFT', version: 4 });
  expect(await step(county, 'submit')).toEqual({ status: 'SUBMITTED', version: 5 });
  expect(await step(province, 'return', '材料不全，请补正')).toEqual({ status: 'RETURNED', version: 6 });

  const stale = { ...state, version: 5 };
  await expect(t.dataSource.transaction((m) => transitionApplication(m, county, stale, 'submit'))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('RETURNED') });
  expect((await t.dataSource.query(`SELECT status, version FROM round_application WHERE id = $1`, [app.id]))[0]).toEqual({ status: 'RETURNED', version: 6 });

  const history = await t.dataSource.query(`SELECT from_status, to_status, actor_key_id, actor_role, reason FROM round_application_transition WHERE application_id = $1 ORDER BY id`, [app.id]);
  const c = keys[`COUNTY:${COUNTY}`].keyId;
  expect(history).toEqual([
    { from_status: null, to_status: 'DRAFT', actor_key_id: c, actor_role: 'COUNTY', reason: null },
    { from_status: 'DRAFT', to_status: 'SUBMITTED', actor_key_id: c, actor_role: 'COUNTY', reason: null },
    { from_status: 'SUBMITTED', to_status: 'DRAFT', actor_key_id: c, actor_role: 'COUNTY', reason: null },
    { from_status: 'DRAFT', to_status: 'SUBMITTED', actor_key_id: c, actor_role: 'COUNTY', reason: null },
    { from_status: 'SUBMITTED', to_status: 'RETURNED', actor_key_id: keys[`PROVINCE:${PROVINCE}`].keyId, actor_role: 'PROVINCE', reason: '材料不全，请补正' },
  ]);

  await t.dataSource.transaction((m) => recordTransition(m, systemContext(), app.id, 'RETURNED', 'SUBMITTED'));
  expect((await t.dataSource.query(`SELECT actor_key_id, actor_role FROM round_application_transition WHERE application_id = $1 ORDER BY id DESC LIMIT 1`, [app.id]))[0]).toEqual({ actor_key_id: null, actor_role: 'SYSTEM' });
});
