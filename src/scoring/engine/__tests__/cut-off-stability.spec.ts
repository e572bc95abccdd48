// Reasons say what was counted, never when: scoring the same facts one day later must give
// the same result (reasons included) unless a fact moved in or out of a window. The
// service stores a new snapshot only when a result changes, so a reason that embedded the
// cut-off would make the nightly run store one for every station every night. The one
// exception is deliberate: 7④ and 8 name their case sample ("2025年3月至6月"), which moves
// once a month, on the 1st.
import { addDays, addYears } from '../../../domain/dates.js';
import type { StationBundle } from '../../../domain/station-data.js';
import { generateProvince } from '../../../generator/index.js';
import type { StationFacts } from '../facts.js';
import type { ScoreResult } from '../score-result.js';
import { scoreStation } from '../score.js';
import { caseSampleFrom } from '../windows.js';
import { context, criterion, enforcementCase, person, perfectStation } from './support/perfect-station.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days on which a fact's membership in some window, or its standing against the
 * cut-off, differs between cut-offs R and R + 1: the first day of every window (近1年, 近2年,
 * 近5年, the case sample) on either cut-off, R itself (a certificate expiring on R is valid on
 * R only) and R + 1.
 */
function edgeDays(r: string): Set<string> {
  const next = addDays(r, 1);
  const days = new Set([r, next, caseSampleFrom(r, 4), caseSampleFrom(next, 4)]);
  for (const years of [1, 2, 5]) {
    days.add(addYears(r, -years));
    days.add(addYears(next, -years));
  }
  return days;
}

/** A deep copy with every date on an edge day moved 10 days earlier (away from every edge). */
function awayFromEdges<T>(value: T, edges: ReadonlySet<string>, moved: { count: number; dates: number }): T {
  if (typeof value === 'string') {
    if (!ISO_DATE.test(value)) return value;
    moved.dates++;
    if (!edges.has(value)) return value;
    moved.count++;
    return addDays(value, -10) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => awayFromEdges(v, edges, moved)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, awayFromEdges(v, edges, moved)])) as T;
  }
  return value;
}

function factsOf(bundle: StationBundle, averages: StationFacts['mediationAverages']): StationFacts {
  return {
    code: bundle.code,
    profile: bundle.profile,
    personnel: bundle.personnel,
    equipment: bundle.equipment,
    cases: bundle.cases,
    complaintFigures: bundle.complaintFigures,
    mediationAverages: averages,
    certifications: bundle.certifications,
    bonusEvents: bundle.bonusEvents,
    vetoEvents: bundle.vetoEvents.map((v, i) => ({ ...v, id: `${bundle.code}-V${i + 1}`, lifted: false })),
    annualReviews: bundle.annualReviews,
    assessments: [{ criterionId: '1.1.1.1', points: 0.5, note: '现场核查' }],
    missingItemMarks: [],
  };
}

/** Everything a result says, without when and from which exact inputs it was computed. */
function said(r: ScoreResult): Omit<ScoreResult, 'cutOff' | 'inputHash'> {
  const { cutOff: _cutOff, inputHash: _inputHash, ...rest } = r;
  return rest;
}

// R and R + 1 in the same month: the case sample stays put (it moves on the 1st)
describe.each(['2026-11-21', '2025-06-29', '2024-03-15'])('generated stations scored on R = %s and R + 1 day', (r) => {
  const next = addDays(r, 1);
  const province = generateProvince({ stations: 50, seed: `cut-off-${r}`, asOf: r });
  const edges = edgeDays(r);
  const stations = [...province.stations()].map((bundle) => {
    const moved = { count: 0, dates: 0 };
    const facts = awayFromEdges(factsOf(bundle, province.mediationAverages), edges, moved);
    return { facts, moved: moved.count, dates: moved.dates };
  });

  it('give the same result, every reason included, when no fact lies on a window edge', () => {
    let reasons = 0;
    for (const { facts } of stations) {
      const a = scoreStation(facts, context(r));
      const b = scoreStation(facts, context(next));
      expect(b.criteria.map((c) => c.reason)).toEqual(a.criteria.map((c) => c.reason));
      expect(said(b)).toEqual(said(a));
      reasons += a.criteria.length + a.bonusItems.length + a.starLevels.length;
    }
    expect(reasons).toBeGreaterThan(50 * 121);
  });

  it('moved only a few dates off the edges', () => {
    // the first test runs on the generated data as it is, but for the few dates (of any
    // field) that fell on one of the 8 edge days
    const moved = stations.reduce((n, s) => n + s.moved, 0);
    const dates = stations.reduce((n, s) => n + s.dates, 0);
    expect(dates).toBeGreaterThan(50 * 100);
    expect(moved / dates).toBeLessThan(0.02);
    expect(stations.some((s) => s.moved === 0)).toBe(true);
  });

  it('no reason, bonus item or star level names a date of the window or the cut-off', () => {
    const windowDates = [r, next, ...[1, 2, 5].flatMap((y) => [addYears(r, -y), addYears(next, -y)])];
    for (const { facts } of stations.slice(0, 10)) {
      const result = scoreStation(facts, context(r));
      const texts = [...result.criteria.map((c) => c.reason), ...result.bonusItems.map((b) => b.reason), ...result.starLevels.map((l) => l.reason), result.rebaseNote ?? ''];
      for (const text of texts) for (const d of windowDates) expect(text).not.toContain(d);
    }
  });
});

describe('a hand-built station scored on consecutive days', () => {
  const r = '2025-06-30';

  it('keeps every reason while the counted facts stay the same', () => {
    const facts = perfectStation();
    // from the county's latest file review (2025-06-10) to the end of the month
    const days = ['2025-06-10', '2025-06-11', '2025-06-20', '2025-06-30'];
    const results = days.map((d) => scoreStation(facts, context(d)));
    for (const code of ['7④', '8①', '9①', '9②', '18②', '37①']) {
      const reasons = new Set(results.map((res) => criterion(res, code).reason));
      expect([code, reasons.size]).toEqual([code, 1]);
    }
  });

  it('moves the case sample on the 1st of the month, naming it', () => {
    // a general case closed on the sample's first day counts on R and no longer on R + 1
    const base = perfectStation();
    const edgeCase = enforcementCase('EDGE', { decidedOn: '2025-02-25', closedOn: '2025-03-01', enteredOn: '2025-02-26' });
    const facts: StationFacts = { ...base, cases: [...base.cases, edgeCase] };
    const a = criterion(scoreStation(facts, context(r)), '7④');
    const b = criterion(scoreStation(facts, context(addDays(r, 1))), '7④');
    expect(a.points).toBe(b.points);
    expect(a.reason).toBe('2025年3月至6月办结一般程序案件 4 件，均在决定后7日内录入系统并归档');
    // EDGE and C2025-003 (closed 2025-03-30) have left the sample
    expect(b.reason).toBe('2025年4月至7月办结一般程序案件 2 件，均在决定后7日内录入系统并归档');
  });

  it('changes the 37① count, not its wording, when a health check ages out', () => {
    const base = perfectStation();
    const facts: StationFacts = { ...base, personnel: [...base.personnel, person('OLD', { lastHealthCheckOn: addYears(r, -1) })] };
    expect(criterion(scoreStation(facts, context(r)), '37①').reason).toMatch(/^近1年体检 (\d+)\/\1 人$/);
    expect(criterion(scoreStation(facts, context(addDays(r, 1))), '37①').reason).toMatch(/^近1年体检 \d+\/\d+ 人$/);
  });
});
