// Data rules on the case ledger (7④, 8, 9) and 12315 figures (10①②); attested items.
// R = 2025-06-30, so 近2年 = [2023-06-30, 2025-06-30] and "last year" = 2024.
import type { ComplaintFigures, EnforcementCase } from '../../../domain/station-data.js';
import type { StationFacts } from '../facts.js';
import { context, criterion, enforcementCase, POLICY, scoreWith } from './support/perfect-station.js';

function check(code: string, mutate: (f: StationFacts) => void) {
  return criterion(scoreWith(mutate), code);
}
/** Replace the ledger with these cases. */
const ledger =
  (...cases: EnforcementCase[]) =>
  (f: StationFacts) =>
    void (f.cases = cases);

describe('7④ general cases closed in 近2年 entered within the deadline and archived', () => {
  it.each<[string, (f: StationFacts) => void, number]>([
    ['entered on decision day + 7', ledger(enforcementCase('A', { decidedOn: '2024-10-10', enteredOn: '2024-10-17' })), 0.5],
    ['entered on decision day + 8', ledger(enforcementCase('A', { decidedOn: '2024-10-10', enteredOn: '2024-10-18' })), 0],
    ['no decision date: closure day + 7', ledger(enforcementCase('A', { decidedOn: null, closedOn: '2024-10-20', enteredOn: '2024-10-27' })), 0.5],
    ['no decision date: closure day + 8', ledger(enforcementCase('A', { decidedOn: null, closedOn: '2024-10-20', enteredOn: '2024-10-28' })), 0],
    ['never entered', ledger(enforcementCase('A', { enteredOn: null })), 0],
    ['not archived', ledger(enforcementCase('A', { archived: false })), 0],
    ['a late case closed on the window start counts', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2023-06-01', closedOn: '2023-06-30', enteredOn: '2023-06-25' })), 0],
    ['a late case closed the day before the window is ignored', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2023-06-01', closedOn: '2023-06-29', enteredOn: '2023-06-25' })), 0.5],
    ['a late case closed after R is ignored', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2025-06-01', closedOn: '2025-07-01', enteredOn: null })), 0.5],
    ['a late simple case is ignored', ledger(enforcementCase('A'), enforcementCase('B', { procedure: 'SIMPLE', enteredOn: null, archived: false })), 0.5],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('7④', mutate).points).toBe(points);
  });

  it('uses the policy deadline', () => {
    const policy = { ...POLICY, id: 'p3', caseEntryDeadlineDays: 3 };
    const facts = ledger(enforcementCase('A', { decidedOn: '2024-10-10', enteredOn: '2024-10-14' }));
    expect(criterion(scoreWith(facts), '7④').points).toBe(0.5);
    const r = scoreWith(facts, context(undefined, policy));
    expect(criterion(r, '7④')).toMatchObject({ points: 0, reason: '近2年办结一般程序案件 1 件，其中 1 件未在决定后3日内录入系统' });
  });

  it('explains both failures', () => {
    const c = check('7④', ledger(enforcementCase('A', { enteredOn: null }), enforcementCase('B', { archived: false }), enforcementCase('C')));
    expect(c.reason).toBe('近2年办结一般程序案件 3 件，其中 1 件未在决定后7日内录入系统、1 件未归档');
  });
});

describe('8 publicity, full-process record and legal review of every general case in 近2年', () => {
  it.each<[string, string, (f: StationFacts) => void, number, RegExp]>([
    ['8①', 'all publicised', () => {}, 0.5, /3 件，均已公示/],
    ['8①', 'one not publicised', ledger(enforcementCase('A'), enforcementCase('B', { publicised: false })), 0, /2 件，其中 1 件未公示/],
    ['8②', 'one without a full-process record', ledger(enforcementCase('A', { fullProcessRecorded: false })), 0, /其中 1 件无执法全过程记录/],
    ['8③', 'major decision reviewed', ledger(enforcementCase('A', { majorDecision: true, legalReviewed: true })), 0.5, /重大执法决定 1 件均经法制审核/],
    ['8③', 'major decision not reviewed', ledger(enforcementCase('A', { majorDecision: true }), enforcementCase('B', { majorDecision: true, legalReviewed: true })), 0, /重大执法决定 2 件中 1 件未经法制审核/],
    ['8③', 'cases but none major', ledger(enforcementCase('A')), 0.5, /无重大执法决定/],
    ['8③', 'an unreviewed major decision outside the window', ledger(enforcementCase('A'), enforcementCase('B', { majorDecision: true, closedOn: '2023-06-29' })), 0.5, /无重大执法决定/],
  ])('%s %s', (code, _n, mutate, points, reason) => {
    const c = check(code, mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });

  it.each(['7④', '8①', '8②', '8③', '9①'])('%s scores 0 with no case in the window', (code) => {
    const c = check(code, ledger(enforcementCase('OLD', { closedOn: '2023-06-29' }), enforcementCase('S', { procedure: 'SIMPLE', fileReview: 'NOT_REVIEWED' })));
    expect(c.points).toBe(0);
    expect(c.status).toBe('NOT_MET');
    expect(c.reason).toBe(code === '9①' ? '近2年无经评查的办结案卷' : '窗口内无一般程序案件（近2年）');
  });
});

describe('9① every reviewed case file (either procedure, closed in 近2年) passed', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['2 passed, 1 not reviewed', () => {}, 0.5, '近2年评查案卷 3 件，合格 3 件，合格率 100%'],
    ['one failed', ledger(enforcementCase('A'), enforcementCase('B', { fileReview: 'FAILED' })), 0, '近2年评查案卷 2 件，合格 1 件，合格率 50%'],
    ['a failed simple case counts', ledger(enforcementCase('A'), enforcementCase('B', { procedure: 'SIMPLE', fileReview: 'FAILED' })), 0, '近2年评查案卷 2 件，合格 1 件，合格率 50%'],
    ['a failed case closed before the window is ignored', ledger(enforcementCase('A'), enforcementCase('B', { closedOn: '2023-06-29', fileReview: 'FAILED' })), 0.5, '近2年评查案卷 1 件，合格 1 件，合格率 100%'],
    ['none reviewed', ledger(enforcementCase('A', { fileReview: 'NOT_REVIEWED' })), 0, '近2年无经评查的办结案卷'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('9①', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('9② no case overturned in 近2年, and 附件3 item 4', () => {
  it.each<[string, (f: StationFacts) => void, number]>([
    ['none overturned', () => {}, 0.5],
    ['no cases at all (absence of a bad event)', ledger(), 0.5],
    ['one overturned, closed in the window', ledger(enforcementCase('A', { overturned: true })), 0],
    ['overturned simple case', ledger(enforcementCase('A', { overturned: true, procedure: 'SIMPLE' })), 0],
    ['overturned, closed on the window start', ledger(enforcementCase('A', { overturned: true, closedOn: '2023-06-30' })), 0],
    ['overturned, closed the day before', ledger(enforcementCase('A', { overturned: true, closedOn: '2023-06-29' })), 0.5],
    ['overturned, not closed, decided in the window', ledger(enforcementCase('A', { overturned: true, closedOn: null, decidedOn: '2025-01-01' })), 0],
    ['item 4 no', (f) => void (f.certifications[0].items['4'] = false), 0],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('9②', mutate).points).toBe(points);
  });
  it('explains both parts', () => {
    expect(check('9②', ledger(enforcementCase('A', { overturned: true }))).reason).toBe(
      '近2年因行政复议、行政诉讼被纠错的案件 1 件；附件3第4项：是（2025年度证明）',
    );
  });
});

function figures(period: string, c: Partial<ComplaintFigures> = {}): ComplaintFigures {
  return {
    period,
    complaintsReceived: 100,
    complaintsCheckedOnTime: 100,
    complaintsClosed: 95,
    complaintsClosedOnTime: 95,
    mediationsAttempted: 50,
    mediationsSucceeded: 40,
    reportsReceived: 20,
    reportsVerifiedOnTime: 20,
    realNameReports: 5,
    realNameReportersNotified: 5,
    ...c,
  };
}
const year2024 = (c: Partial<ComplaintFigures>) => (f: StationFacts) => void (f.complaintFigures = [figures('2024', c)]);

describe('10① complaint handling in 2024 (checked 100%, closed 100%, mediation above the national average)', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['perfect', () => {}, 1, '2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%'],
    ['99/100 checked on time', year2024({ complaintsCheckedOnTime: 99 }), 0, '2024年度：投诉按时初查率 99% < 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%'],
    ['94/95 closed on time', year2024({ complaintsClosedOnTime: 94 }), 0, '2024年度：投诉按时初查率 100%，按时办结率 98.9% < 100%，调解成功率 80% > 全国平均 70%'],
    ['mediation 35/50 = 70% equals the average', year2024({ mediationsSucceeded: 35 }), 0, '2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 70% ≤ 全国平均 70%'],
    ['mediation 36/50 = 72%', year2024({ mediationsSucceeded: 36 }), 1, '2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 72% > 全国平均 70%'],
    ['no complaints received', year2024({ complaintsReceived: 0, complaintsCheckedOnTime: 0 }), 0, '2024年度：受理投诉0件，按时初查率无法计算，按时办结率 100%，调解成功率 80% > 全国平均 70%'],
    ['no complaints closed', year2024({ complaintsClosed: 0, complaintsClosedOnTime: 0 }), 0, '2024年度：投诉按时初查率 100%，办结投诉0件，按时办结率无法计算，调解成功率 80% > 全国平均 70%'],
    ['no mediations', year2024({ mediationsAttempted: 0, mediationsSucceeded: 0 }), 0, '2024年度：投诉按时初查率 100%，按时办结率 100%，调解0件，调解成功率无法计算'],
    ['no national average for 2024', (f) => void (f.mediationAverages = [{ year: 2023, rate: 0.5 }]), 0, '2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 80%，无全国平均值'],
    ['no figures for 2024', (f) => void (f.complaintFigures = [figures('2023'), figures('2025')]), 0, '2024年度无12315投诉数据'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('10①', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });

  it('compares exactly: 29/100 is not above an average of 0.29, 30/100 is', () => {
    const at = (s: number) =>
      check('10①', (f) => {
        f.complaintFigures = [figures('2024', { mediationsAttempted: 100, mediationsSucceeded: s })];
        f.mediationAverages = [{ year: 2024, rate: 0.29 }];
      }).points;
    expect(at(29)).toBe(0);
    expect(at(30)).toBe(1);
  });

  it('uses the yearly row over the months of that year', () => {
    const c = check('10①', (f) => void (f.complaintFigures = [figures('2024-03', { complaintsCheckedOnTime: 0 }), figures('2024')]));
    expect(c.points).toBe(1);
  });

  it('sums monthly rows into their year when there is no yearly row', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
    const ok = check('10①', (f) => void (f.complaintFigures = months.map((m) => figures(m, { complaintsReceived: 10, complaintsCheckedOnTime: 10, mediationsAttempted: 5, mediationsSucceeded: 4 }))));
    expect(ok.reason).toBe('2024年度（12个月合计）：投诉按时初查率 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%');
    // one month short of 100% makes the year 119/120
    const bad = check('10①', (f) => void (f.complaintFigures = months.map((m, i) => figures(m, { complaintsReceived: 10, complaintsCheckedOnTime: i === 5 ? 9 : 10 }))));
    expect(bad.points).toBe(0);
    expect(bad.reason).toContain('投诉按时初查率 99.1% < 100%');
    // months of 2025 never stand in for 2024
    const other = check('10①', (f) => void (f.complaintFigures = [figures('2025-01'), figures('2023-12')]));
    expect(other.reason).toBe('2024年度无12315投诉数据');
  });

  it('does not let months of the year be summed twice when a month is pushed twice', () => {
    const c = check('10①', (f) => void (f.complaintFigures = [figures('2024-01', { mediationsSucceeded: 30 }), figures('2024-01', { mediationsSucceeded: 30 })]));
    expect(c.reason).toBe('2024年度（1个月合计）：投诉按时初查率 100%，按时办结率 100%，调解成功率 60% ≤ 全国平均 70%');
  });
});

describe('10② report handling in 2024', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['perfect', () => {}, 1, '2024年度：举报按时核查率 100%，实名举报告知率 100%'],
    ['19/20 verified', year2024({ reportsVerifiedOnTime: 19 }), 0, '2024年度：举报按时核查率 95% < 100%，实名举报告知率 100%'],
    ['no reports', year2024({ reportsReceived: 0, reportsVerifiedOnTime: 0, realNameReports: 0, realNameReportersNotified: 0 }), 0, '2024年度：受理举报0件，按时核查率无法计算，无实名举报'],
    ['no real-name reports', year2024({ realNameReports: 0, realNameReportersNotified: 0 }), 1, '2024年度：举报按时核查率 100%，无实名举报'],
    ['4/5 real-name reporters notified', year2024({ realNameReportersNotified: 4 }), 0, '2024年度：举报按时核查率 100%，实名举报告知率 80% < 100%'],
    ['no figures', (f) => void (f.complaintFigures = []), 0, '2024年度无12315举报数据'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('10②', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('attested criteria (附件3): the latest certification with year ≤ Y', () => {
  const all = (v: boolean) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), v]));
  const cert = (year: number, items: Record<string, boolean>) => ({ year, items, certifiedBy: null, certifiedOn: null });

  it('maps every item to its criteria', () => {
    const r = scoreWith();
    const attested = r.criteria.filter((c) => c.source === 'ATTESTED').map((c) => [c.code, c.reason]);
    expect(attested).toEqual([
      ['3①', '附件3第1项：是（2025年度证明）'],
      ['3②', '附件3第2项：是（2025年度证明）'],
      ['3③', '附件3第3项：是（2025年度证明）'],
      ['25⑥', '附件3第6项：是（2025年度证明）'],
      ['25⑦', '附件3第7项：是（2025年度证明）'],
      ['27①', '附件3第12项：是（2025年度证明）'],
      ['28①', '附件3第12项：是（2025年度证明）'],
      ['30④', '附件3第8项：是（2025年度证明）'],
      ['31②', '附件3第9项：是（2025年度证明）'],
      ['34', '附件3第11项：是（2025年度证明）'],
    ]);
  });

  it('item 12 decides both 27① and 28①', () => {
    const r = scoreWith((f) => void (f.certifications[0].items['12'] = false));
    expect([criterion(r, '27①').points, criterion(r, '28①').points, criterion(r, '27②').points]).toEqual([0, 0, 0.5]);
    expect(criterion(r, '27①').reason).toBe('附件3第12项：否（2025年度证明）');
  });

  it('ignores a certification of a later year', () => {
    const r = scoreWith((f) => void (f.certifications = [cert(2024, all(true)), cert(2026, all(false))]));
    expect(criterion(r, '3①')).toMatchObject({ points: 0.5, reason: '附件3第1项：是（2024年度证明）' });
  });

  it('prefers the latest year ≤ Y', () => {
    const r = scoreWith((f) => void (f.certifications = [cert(2024, all(true)), cert(2025, { ...all(true), 1: false })]));
    expect(criterion(r, '3①')).toMatchObject({ points: 0, status: 'NOT_MET', reason: '附件3第1项：否（2025年度证明）' });
  });

  it('counts a blank item as no', () => {
    const r = scoreWith((f) => void delete f.certifications[0].items['6']);
    expect(criterion(r, '25⑥')).toMatchObject({ points: 0, reason: '附件3第6项：否（2025年度证明）' });
  });

  it('counts every item as no without a certification', () => {
    const r = scoreWith((f) => void (f.certifications = []));
    expect(criterion(r, '34')).toMatchObject({ points: 0, reason: '无附件3证明，第11项视同否' });
    expect(criterion(r, '18②')).toMatchObject({ points: 0, reason: '近2年无违规违纪记录；无附件3证明，第5项视同否' });
    // 10 attested criteria: 3① 0.5 + 3② 1 + 3③ 1 + 25⑥ 1 + 25⑦ 1 + 27① 0.5 + 28① 0.5 + 30④ 0.5
    // + 31② 1 + 34 0.5 = 7.5; and the DATA criteria needing an item: 9② 0.5 + 18② 1 + 31③ 2 = 3.5
    expect(r.raw).toBe(100 - 7.5 - 3.5);
  });
});
