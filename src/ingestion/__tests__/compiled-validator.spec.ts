// The compiled executor must answer exactly what class-validator's validateSync answers
// (same problems, same order) for every row spec of the interface: generated valid rows
// and thousands of seeded mutations of them.
import { BULK_CASE_ROW, CASE_ROW } from '../../cases/case.dto.js';
import { CERTIFICATION_INPUT } from '../../certifications/certification.dto.js';
import { COMPLAINT_COUNTS, MEDIATION_AVERAGE } from '../../complaints/complaint-figures.dto.js';
import { BULK_EQUIPMENT_ROW, EQUIPMENT_ROW } from '../../equipment/equipment.dto.js';
import { generateProvince } from '../../generator/index.js';
import { BULK_PERSON_ROW, PERSON_ROW } from '../../personnel/person.dto.js';
import { REGION_ROW } from '../../reference/region.dto.js';
import { ANNUAL_REVIEW, BONUS_EVENT, VETO_EVENT } from '../../station-events/station-events.dto.js';
import { STATION_PROFILE } from '../../stations/station.dto.js';
import { canonicalJson, isCanonicalShape, rowDigest, sortedRowDigest } from '../row-digest.js';
import { validateRow, type RowSpec } from '../validation/validate.js';

const province = generateProvince({ stations: 12, seed: 'compiled-validator', asOf: '2025-06-30' });
const bundles = [...province.stations()];
const withStation = <T extends object>(pick: (b: (typeof bundles)[number]) => T[]) => bundles.flatMap((b) => pick(b).map((row) => ({ stationCode: b.code, ...row })));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const CORPORA: [string, RowSpec<any, unknown>, object[]][] = [
  ['person', PERSON_ROW, bundles.flatMap((b) => b.personnel)],
  ['bulk person', BULK_PERSON_ROW, withStation((b) => b.personnel)],
  ['equipment', EQUIPMENT_ROW, bundles.flatMap((b) => b.equipment)],
  ['bulk equipment', BULK_EQUIPMENT_ROW, withStation((b) => b.equipment)],
  ['case', CASE_ROW, bundles.flatMap((b) => b.cases)],
  ['bulk case', BULK_CASE_ROW, withStation((b) => b.cases)],
  ['station profile', STATION_PROFILE, bundles.map((b) => b.profile)],
  ['complaint counts', COMPLAINT_COUNTS, bundles.flatMap((b) => b.complaintFigures.map(({ period: _p, ...counts }) => counts))],
  ['certification', CERTIFICATION_INPUT, bundles.flatMap((b) => b.certifications.map(({ year: _y, ...c }) => c))],
  ['bonus event', BONUS_EVENT, [...bundles.flatMap((b) => b.bonusEvents), { eventKey: 'K', category: 'OTHER', level: 'COUNTY', date: '2024-01-01', subject: 'COLLECTIVE', points: 1.5 }]],
  ['veto event', VETO_EVENT, [{ kind: 'OTHER', date: '2024-02-02', description: '说明', personExternalId: 'P1' }, { kind: 'RATING_FRAUD', date: '2024-02-02' }]],
  ['annual review', ANNUAL_REVIEW, bundles.flatMap((b) => b.annualReviews)],
  ['region', REGION_ROW, province.regions.map((r) => ({ code: r.code, name: r.name }))],
  ['mediation average', MEDIATION_AVERAGE, province.mediationAverages.map((m) => ({ rate: m.rate }))],
];

const VALUES: unknown[] = [undefined, null, 0, -1, 1.5, 2024, 1e12, '', ' x', 'x', 'P/1', 'a\u0000b', '2023-02-30', '2024-02-29', '2024-07', 'DIRECTOR', 'B', true, 'true', [], [1], ['FOOD', 'FOOD'], [{}], [{ year: 'x' }], [{ year: 2024, extra: 1 }], [[]], [[{ year: 'x' }]], {}, { number: 'N', class: 'C' }, { '1': true, '13': 'x' }];

/** A deterministic PRNG (mulberry32) so that every run checks the same mutations. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deep copy made in this realm (structuredClone answers objects of Node's main realm,
 * which fail `instanceof Object` inside Jest's VM context); undefined members are kept.
 */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** Replaces, removes or adds a value somewhere in a (cloned) row. */
function mutate(row: object, random: () => number): unknown {
  const copy = clone(row) as Record<string, unknown>;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const targets: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        targets.push([node, i]);
        walk(v);
      });
    } else if (node && typeof node === 'object') {
      for (const k of Object.keys(node)) {
        targets.push([node as Record<string, unknown>, k]);
        walk((node as Record<string, unknown>)[k]);
      }
    }
  };
  walk(copy);
  const changes = 1 + Math.floor(random() * 3);
  for (let i = 0; i < changes; i++) {
    const roll = random();
    if (roll < 0.1) copy[pick(['extra', 'constructor', 'items', 'stationCode'])] = pick(VALUES);
    else if (targets.length > 0) {
      const [node, key] = pick(targets);
      if (roll < 0.25 && !Array.isArray(node)) delete node[key as string];
      else (node as Record<string | number, unknown>)[key] = pick(VALUES);
    }
  }
  return random() < 0.03 ? pick(VALUES) : copy;
}

/**
 * class-validator's problems with those inside an array that stands where a nested object
 * is expected (an element of trainings or disciplinaryRecords) replaced by one 'must be a
 * JSON object' at the array's path, in the place of the first of them.
 */
function arraysAsNestedObjects(raw: unknown, problems: { path: string; reason: string }[]): { path: string; reason: string }[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problems;
  const bad: string[] = [];
  for (const field of ['trainings', 'disciplinaryRecords']) {
    const list = (raw as Record<string, unknown>)[field];
    if (Array.isArray(list) && list.length <= 100) list.forEach((item, i) => Array.isArray(item) && bad.push(`${field}[${i}]`));
  }
  const out: { path: string; reason: string }[] = [];
  const done = new Set<string>();
  for (const p of problems) {
    const inside = bad.find((b) => p.path === b || p.path.startsWith(`${b}[`) || p.path.startsWith(`${b}.`));
    if (inside === undefined) out.push(p);
    else if (!done.has(inside)) {
      done.add(inside);
      out.push({ path: inside, reason: 'must be a JSON object' });
    }
  }
  // An empty inner array has no problems at all in class-validator: insert those in path order.
  for (const b of bad.filter((b) => !done.has(b))) {
    const field = b.slice(0, b.indexOf('['));
    const at = out.findIndex((p) => p.path.startsWith(field) && comparePaths(p.path, b) > 0);
    const item = { path: b, reason: 'must be a JSON object' };
    if (at < 0) {
      const last = out.map((p) => p.path.startsWith(field)).lastIndexOf(true);
      out.splice(last < 0 ? out.length : last + 1, 0, item);
    } else out.splice(at, 0, item);
  }
  return out;
}

function comparePaths(a: string, b: string): number {
  const index = (p: string) => Number(/\[(\d+)\]/.exec(p)?.[1] ?? -1);
  return index(a) - index(b);
}

describe('compiled validation equals class-validator', () => {
  test.each(CORPORA)('%s: valid rows', (_name, spec, rows) => {
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const compiled = validateRow(spec, row);
      expect(compiled).toEqual(validateRow(spec, row, { engine: 'class-validator' }));
      expect(validateRow(spec, clone(row), { adopt: true })).toEqual(compiled);
      expect(compiled.problems).toEqual([]);
    }
  });

  test.each(CORPORA)('%s: 400 mutated rows', (_name, spec, rows) => {
    const random = rng(rows.length);
    let refused = 0;
    for (let i = 0; i < 400; i++) {
      const raw = mutate(rows[i % rows.length], random);
      const compiled = validateRow(spec, raw);
      const reference = validateRow(spec, raw, { engine: 'class-validator' });
      // validating the parsed body in place answers as validating a copy does
      expect(validateRow(spec, clone(raw), { adopt: true })).toEqual(compiled);
      // the two deliberate differences (see compiled-validator.ts)
      const expected = arraysAsNestedObjects(
        raw,
        reference.problems.map((p) =>
          p.reason === 'an unknown value was passed to the validate function' ? { path: p.path.replace(/\.undefined$/, ''), reason: 'must be a JSON object' } : p,
        ),
      );
      expect({ raw, problems: compiled.problems }).toEqual({ raw, problems: expected });
      if (compiled.row === null) refused++;
    }
    expect(refused).toBeGreaterThan(100);
  });
});

describe('normal forms digest through the fast path', () => {
  test.each([
    ['person', PERSON_ROW, bundles.flatMap((b) => b.personnel)],
    ['equipment', EQUIPMENT_ROW, bundles.flatMap((b) => b.equipment)],
    ['case', CASE_ROW, bundles.flatMap((b) => b.cases)],
  ] as const)('%s rows are built with sorted keys, so JSON.stringify is their canonical JSON', (_name, spec, rows) => {
    for (const raw of rows) {
      const { row } = validateRow(spec as RowSpec<object, unknown>, raw);
      expect(sortedRowDigest(row)).toBe(rowDigest(row));
      expect(isCanonicalShape(row)).toBe(true);
      expect(JSON.stringify(row)).toBe(canonicalJson(row));
    }
  });
});
