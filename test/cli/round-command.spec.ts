// `scorecard round list` and `scorecard round verify`: against a confirmed round of a real
// database (written through the services), in-process like test/cli/scorecard.spec.ts; a
// tampered result makes verify exit 1 naming the station; bad arguments exit 2 in one line.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';
import { runScorecard } from '../../src/cli/scorecard.js';
import { RoundPublicationService } from '../../src/rounds/review/round-publication.service.js';
import { RoundReviewService } from '../../src/rounds/review/round-review.service.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { reviewAll, submitApplication } from '../rounds/review-support.js';
import { as, openInput, principals } from '../rounds/rounds-support.js';

let t: TestApp;
let s: Seeded;
let roundId: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function scorecard(argv: string[]): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const io: CliIo = { stdout: out, stderr: err, env: { DATABASE_URL: t.database.url, QUEUE_PREFIX: 'cli_round_test', TIME_ZONE: 'Asia/Shanghai' } };
  const code = await runScorecard(argv, io);
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 8);
  const keys = await principals(t);
  const province = keys[`PROVINCE:${PROVINCE}`];
  const admin = keys[`ADMIN:${PROVINCE}`];
  const round = await t.app.get(RoundsService).open(as(province), openInput({ name: 'CLI 核验批次', level: 'THREE_STAR' }));
  roundId = round.id;
  const codes = s.province.stationCodes.slice(0, 2);
  for (const code of codes) await submitApplication(t, round, code);
  await t.app.get(RoundReviewService).closeApplications(as(province), round.id);
  for (const code of codes) await reviewAll(t, province, round, code);
  const publication = t.app.get(RoundPublicationService);
  await publication.publish(as(province), round.id, '2026-07-01');
  await publication.confirm(as(admin), round.id, '测试提前认定', '2026-07-02');
}, 60_000);

afterAll(async () => {
  await t.close();
});

test('round list: the round with its status and chain head; --province filters', async () => {
  const all = await scorecard(['round', 'list']);
  expect(all.code).toBe(0);
  expect(all.out).toMatch(new RegExp(`^${roundId}  ${PROVINCE}  CONFIRMED\\s+THREE_STAR\\s+CLI 核验批次  chain [0-9a-f]{64}\\n$`));
  const other = await scorecard(['round', 'list', '--province', '140000']);
  expect(other).toEqual({ code: 0, out: 'no rounds in 140000\n', err: '' });
});

test('round verify: ok (exit 0); a tampered total: MISMATCH naming the station (exit 1)', async () => {
  const good = await scorecard(['round', 'verify', roundId]);
  expect(good.code).toBe(0);
  expect(good.out).toMatch(/: ok, 2 result\(s\) checked, chain head [0-9a-f]{64}\n$/);
  const [{ station_code }] = await t.dataSource.query(`SELECT station_code FROM round_result WHERE round_id = $1 AND seq = 2`, [roundId]);
  await t.dataSource.query(`ALTER TABLE round_result DISABLE TRIGGER tr_round_result_sealed`);
  await t.dataSource.query(`UPDATE round_result SET total = total - 1 WHERE round_id = $1 AND seq = 2`, [roundId]);
  await t.dataSource.query(`ALTER TABLE round_result ENABLE TRIGGER tr_round_result_sealed`);
  const bad = await scorecard(['round', 'verify', roundId]);
  expect(bad.code).toBe(1);
  expect(bad.out).toBe('');
  expect(bad.err).toContain('MISMATCH, 2 result(s) checked');
  expect(bad.err).toContain(`  ${station_code}: the stored total/stars/award`);
});

test.each([
  [['round'], /an action is required: list or verify/],
  [['round', 'nope'], /unknown action 'nope'/],
  [['round', 'verify'], /ROUND_ID is required/],
  [['round', 'verify', 'abc'], /ROUND_ID must be a round id/],
  [['round', 'list', '--province', '130100'], /--province must be a 6-digit province code/],
  [['round', 'list', 'extra'], /takes only --province/],
])('bad arguments %j: exit 2, one line', async (argv, pattern) => {
  const run = await scorecard(argv);
  expect({ code: run.code, out: run.out }).toEqual({ code: 2, out: '' });
  expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  expect(run.err).toMatch(pattern);
});

test('an unknown round: exit 1, one line', async () => {
  const run = await scorecard(['round', 'verify', '00000000-0000-4000-8000-000000000000']);
  expect(run.code).toBe(1);
  expect(run.err).toMatch(/no rating round 00000000-0000-4000-8000-000000000000/);
});
