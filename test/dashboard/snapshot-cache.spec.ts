// The snapshot cache keeps each snapshot's criteria and indicators as ready GraphQL objects:
// one frozen list per snapshot, returned as it is to every request, and one object for a
// criterion that says the same thing in two snapshots.
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { criteriaOf, indicatorsOf, SnapshotCache } from '../../src/dashboard/loaders/snapshot-cache.js';

const VERSION = 'national-2023';
const index = getRubricIndex(getRubric(VERSION));

function row(id: string, reasonOfFirst: string) {
  return {
    snapshot_id: id,
    snapshot_station: `S${id}`,
    computed_at: new Date('2026-06-30T00:00:00Z'),
    cut_off: '2026-06-30',
    rubric_version: VERSION,
    star_policy_id: 'p',
    input_hash: 'h'.repeat(64),
    raw: 1,
    applicable: 100,
    rebased: 1,
    bonus: 0,
    total: 1,
    stars: 0,
    eligible: true,
    pending_count: 0,
    missing_count: 0,
    rebase_note: null,
    blocking_vetoes: [],
    star_levels: [],
    bonus_items: [],
    missing_items: [],
    criteria: index.criteria.map((c, i) => [c.id, i === 0 ? 0 : c.points, c.points, c.source, false, i === 0 ? 'NOT_MET' : 'MET', i === 0 ? reasonOfFirst : 'ok']),
    indicators: [['1', 1, 1, 30, 30]],
  };
}

/** Answers the rows asked for and counts the statements. */
function fakeDb(rows: ReturnType<typeof row>[]) {
  const db = {
    statements: 0,
    query: async (_sql: string, params?: unknown[]) => {
      db.statements++;
      const ids = params![0] as string[];
      return rows.filter((r) => ids.includes(r.snapshot_id)) as never;
    },
  };
  return db;
}

test('criteria and indicators are prepared once, frozen, and shared', async () => {
  const cache = new SnapshotCache();
  const db = fakeDb([row('1', 'first reason'), row('2', 'another reason')]);
  const [a, b] = await cache.load(db, ['1', '2']);
  const [again] = await cache.load(db, ['1']);
  expect(db.statements).toBe(1);
  expect(criteriaOf(again!)).toBe(criteriaOf(a!));
  expect(Object.isFrozen(criteriaOf(a!))).toBe(true);
  expect(Object.isFrozen(criteriaOf(a!)[1])).toBe(true);
  expect(criteriaOf(a!)).toHaveLength(index.criteria.length);
  // Rubric texts joined, results as stored.
  expect(criteriaOf(a!)[0]).toEqual(expect.objectContaining({ id: index.criteria[0].id, code: index.criteria[0].code, text: index.criteria[0].text, points: 0, status: 'NOT_MET', reason: 'first reason' }));
  // The same result in two snapshots is one object; a different one is not.
  expect(criteriaOf(b!)[1]).toBe(criteriaOf(a!)[1]);
  expect(criteriaOf(b!)[0]).not.toBe(criteriaOf(a!)[0]);
  expect(criteriaOf(b!)[0].reason).toBe('another reason');
  // One level's indicators: built once.
  expect(indicatorsOf(a!, 1)).toBe(indicatorsOf(a!, 1));
  expect(indicatorsOf(a!, 1).map((x) => [x.id, x.points, x.applicableMax])).toEqual([['1', 1, 30]]);
  expect(indicatorsOf(a!, 2)).toEqual([]);
});
