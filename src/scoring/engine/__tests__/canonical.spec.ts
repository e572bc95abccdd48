// The canonical order and serialization behind inputHash, and small numeric helpers.
import { addDays, toDayNumber } from '../../../domain/dates.js';
import type { Equipment, VetoEvent } from '../../../domain/station-data.js';
import { canonicalizeFacts } from '../canonical.js';
import { cmpRubricId } from '../rubric-id.js';
import type { StationFacts } from '../facts.js';
import { hashInputs, scoreStation } from '../index.js';
import { dayNumber, divRoundHalfUp, fmt, pct } from '../util.js';
import { byId, context, equipment, perfectStation } from './support/perfect-station.js';

const hashOf = (mutate: (f: StationFacts) => void): string => {
  const f = perfectStation();
  mutate(f);
  return hashInputs(f, context());
};

describe('canonical serialization', () => {
  it('tells apart values that a naive concatenation would merge', () => {
    const base = hashOf(() => {});
    const variants = [
      hashOf((f) => Object.assign(byId(f, 'P03'), { name: '姓名P0', major: '3药学' })), // same characters, split differently
      hashOf((f) => void (byId(f, 'P03').major = null)),
      hashOf((f) => void (byId(f, 'P03').major = '')),
      hashOf((f) => void (byId(f, 'P03').hiredOn = null)),
      hashOf((f) => void (byId(f, 'P03').hiredOn = '2015-09-1')), // not a date shape: a string
      hashOf((f) => void (byId(f, 'P03').hiredOn = '2015-09-02')),
      hashOf((f) => void (byId(f, 'P03').position = 'DIRECTOR')),
      hashOf((f) => void (byId(f, 'P03').position = 'director' as 'DIRECTOR')), // not in the vocabulary: a string
      hashOf((f) => void (f.bonusEvents = [{ eventKey: 'k', category: 'OTHER', level: 'COUNTY', date: '2025-01-01', subject: 'x', description: '', points: null }])),
      hashOf((f) => void (f.bonusEvents = [{ eventKey: 'k', category: 'OTHER', level: 'COUNTY', date: '2025-01-01', subject: 'x', description: '', points: 0 }])),
      hashOf((f) => void (f.certifications[0].items['3'] = false)),
      hashOf((f) => void (f.code = 'S130102001 ')),
      hashOf((f) => void (byId(f, 'P03').secondedMonths = 1)),
      hashOf((f) => void (byId(f, 'P03').major = 12 as unknown as string)), // a number: not the string '12'
      hashOf((f) => void (byId(f, 'P03').major = '12')),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('treats -0 as 0', () => {
    expect(hashOf((f) => void (byId(f, 'P03').secondedMonths = -0))).toBe(hashOf(() => {}));
  });

  it('orders records with equal keys by their content, whatever the input order', () => {
    const twins: Equipment[] = [equipment('DUP', 'CAR', 1), equipment('DUP', 'HVAC', 1, { status: 'BROKEN' })];
    const a = perfectStation();
    a.equipment = [...a.equipment.filter((e) => e.type !== 'CAR'), ...twins];
    const b = perfectStation();
    b.equipment = [...twins.slice().reverse(), ...b.equipment.filter((e) => e.type !== 'CAR')];
    expect(hashInputs(a, context())).toBe(hashInputs(b, context()));
    expect(JSON.stringify(scoreStation(a, context()))).toBe(JSON.stringify(scoreStation(b, context())));
    expect(canonicalizeFacts(a).equipment.map((e) => e.externalId)).toEqual(canonicalizeFacts(b).equipment.map((e) => e.externalId));
  });

  it('reuses arrays already in order and never touches the input', () => {
    const f = perfectStation();
    f.assessments = [...f.assessments].reverse();
    const before = JSON.stringify(f);
    const c = canonicalizeFacts(f);
    expect(c.equipment).toBe(f.equipment); // already sorted by externalId
    expect(c.assessments).not.toBe(f.assessments);
    expect(c.assessments[0].criterionId).toBe('1.1.1.1');
    expect(JSON.stringify(f)).toBe(before);
  });

  // Inputs the engine reads alike must hash alike (and score alike): the same data arrives
  // as pushed JSON, database rows or generated bundles, each with its own idea of "empty".
  const station = (mutate: (f: StationFacts) => void): StationFacts => {
    const f = perfectStation();
    mutate(f);
    return f;
  };
  const veto = (v: Partial<VetoEvent>): VetoEvent => ({ id: 'V1', kind: 'OTHER', date: '2020-01-01', description: 'd', personExternalId: null, lifted: false, ...v });
  const without = <T extends object>(x: T, key: keyof T): T => {
    const copy = { ...x };
    delete copy[key];
    return copy;
  };
  it.each<[string, (f: StationFacts) => void, (f: StationFacts) => void]>([
    ['a blank 附件3 item is a no', (f) => void delete f.certifications[0].items['3'], (f) => void (f.certifications[0].items['3'] = false)],
    ['an absent optional field is null', (f) => void (f.personnel = f.personnel.map((p) => (p.externalId === 'P03' ? without(p, 'major') : p))), (f) => void (byId(f, 'P03').major = null)],
    ['an absent veto person is null', (f) => void (f.vetoEvents = [without(veto({}), 'personExternalId')]), (f) => void (f.vetoEvents = [veto({})])],
    ['an absent boolean is false', (f) => void (f.cases = [without(f.cases[0], 'minorViolationExempted'), ...f.cases.slice(1)]), (f) => void (f.cases[0].minorViolationExempted = false)],
    ['an absent lifted flag is false', (f) => void (f.vetoEvents = [without(veto({}), 'lifted')]), (f) => void (f.vetoEvents = [veto({})])],
    ['a null boolean is false', (f) => void (f.profile.premises.internet = null as unknown as boolean), (f) => void (f.profile.premises.internet = false)],
    ['a blank enforcement certificate number is none', (f) => void (byId(f, 'P01').enforcementCertNo = '  '), (f) => void (byId(f, 'P01').enforcementCertNo = null)],
    ['absent training hours are 0', (f) => void (byId(f, 'P03').trainings = [without(byId(f, 'P03').trainings[0], 'onlineHours')]), (f) => void (byId(f, 'P03').trainings = [byId(f, 'P03').trainings[0]])],
    ['an absent 12315 count is 0', (f) => void (f.complaintFigures = [without(f.complaintFigures[0], 'realNameReports'), ...f.complaintFigures.slice(1)]), (f) => void (f.complaintFigures = [{ ...f.complaintFigures[0], realNameReports: 0 }, ...f.complaintFigures.slice(1)])],
    ['negative seconded months are 0', (f) => void (byId(f, 'P03').secondedMonths = -2), (f) => void (byId(f, 'P03').secondedMonths = 0)],
    ['a duty or room listed twice is listed once', (f) => void (f.profile = { ...f.profile, duties: [...f.profile.duties, 'FOOD'], premises: { ...f.profile.premises, rooms: ['OFFICE', ...f.profile.premises.rooms] } }), () => {}],
    ['a missing assessment note is empty', (f) => void (f.assessments = [without(f.assessments[0], 'note'), ...f.assessments.slice(1)]), (f) => void (f.assessments = [{ ...f.assessments[0], note: '' }, ...f.assessments.slice(1)])],
  ])('%s: same hash, same score', (_name, variant, explicit) => {
    const a = station(variant);
    const b = station(explicit);
    expect(hashInputs(a, context())).toBe(hashInputs(b, context()));
    expect(JSON.stringify(scoreStation(a, context()))).toBe(JSON.stringify(scoreStation(b, context())));
  });

  it('orders assessments of one criterion the same way whatever their points, invalid ones included', () => {
    const twice = (order: number[]) =>
      station((f) => {
        const first = f.assessments[0];
        const points = [NaN, 0.5, '1' as unknown as number];
        f.assessments = [...order.map((i) => ({ ...first, points: points[i], note: `n${i}` })), ...f.assessments.slice(1)];
      });
    const results = [[0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]].map((order) => scoreStation(twice(order), context()));
    for (const r of results) expect(JSON.stringify(r)).toBe(JSON.stringify(results[0]));
    expect(results[0].criteria[0].reason).toBe('评审评分 0.5/1：n1');
  });
});

describe('cmpRubricId orders ids like the rubric', () => {
  it.each<[string, string, number]>([
    ['1.2.2.1', '1.2.10.3', -1],
    ['1.2.10.3', '1.2.2.1', 1],
    ['4.15.32', '4.15.32.1', -1],
    ['5.21.46.4', '5.21.46.4', 0],
    ['9', '10', -1],
    ['1.1.1.1', 'abc', -1],
    ['abc', 'abd', -1],
    ['1.1.01', '1.1.1', -1], // equal numbers: text decides
    ['1.1.1.1.1', '1.1.1.2', -1], // beyond 4 segments
    ['1.1.1000', '1.1.999', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(cmpRubricId(a, b))).toBe(sign);
    expect(Math.sign(cmpRubricId(b, a))).toBe(sign === 0 ? 0 : -sign);
  });
});

describe('numeric helpers', () => {
  it('dayNumber agrees with dates.ts on every day of 1899..2101 boundaries and leap days', () => {
    let d = '1899-12-25';
    for (let i = 0; i < 800; i++, d = addDays(d, 1)) expect(dayNumber(d)).toBe(toDayNumber(d));
    for (const x of ['1970-01-01', '2000-02-29', '2024-02-29', '2100-02-28', '2100-03-01', '2023-06-30', '2025-12-31']) {
      expect(dayNumber(x)).toBe(toDayNumber(x));
    }
    d = '2023-12-01';
    for (let i = 0; i < 800; i++, d = addDays(d, 1)) expect(dayNumber(d)).toBe(toDayNumber(d));
  });

  it('rounds half up in integers', () => {
    expect(divRoundHalfUp(1, 2)).toBe(1);
    expect(divRoundHalfUp(1, 3)).toBe(0);
    expect(divRoundHalfUp(157 * 10000, 160)).toBe(9813);
    expect(divRoundHalfUp(0, 7)).toBe(0);
  });

  it('formats points and truncates rates', () => {
    expect([fmt(0), fmt(0.5), fmt(99.5), fmt(98.13), fmt(120.5)]).toEqual(['0', '0.5', '99.5', '98.13', '120.5']);
    expect([pct(2, 3), pct(7, 10), pct(5996, 10000), pct(1, 1)]).toEqual(['66.6%', '70%', '59.9%', '100%']);
  });
});
