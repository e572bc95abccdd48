// Data rules on the case ledger (7④, 8, 9) and 12315 figures (10①②); attested items.
// R = 2025-06-30, so 近2年 = [2023-06-30, 2025-06-30], the case sample is 2025年3月至6月
// and "last year" = 2024.
import type { ComplaintFigures, EnforcementCase } from '../../../domain/station-data.js';
import type { StationFacts } from '../facts.js';
import { context, criterion, enforcementCase, POLICY, RUBRIC, scoreWith, withParameters } from './support/perfect-station.js';

function check(code: string, mutate: (f: StationFacts) => void) {
  return criterion(scoreWith(mutate), code);
}
/** Replace the ledger with these cases. */
const ledger =
  (...cases: EnforcementCase[]) =>
  (f: StationFacts) =>
    void (f.cases = cases);

const SAMPLE = '2025年3月至6月';

describe('7④ general cases closed in the case sample (the 4 months ending with R\'s month) entered within the deadline and archived', () => {
  it.each<[string, (f: StationFacts) => void, number]>([
    ['entered on decision day + 7', ledger(enforcementCase('A', { decidedOn: '2025-04-10', enteredOn: '2025-04-17' })), 0.5],
    ['entered on decision day + 8', ledger(enforcementCase('A', { decidedOn: '2025-04-10', enteredOn: '2025-04-18' })), 0],
    ['no decision date: closure day + 7', ledger(enforcementCase('A', { decidedOn: null, closedOn: '2025-04-20', enteredOn: '2025-04-27' })), 0.5],
    ['no decision date: closure day + 8', ledger(enforcementCase('A', { decidedOn: null, closedOn: '2025-04-20', enteredOn: '2025-04-28' })), 0],
    ['never entered', ledger(enforcementCase('A', { enteredOn: null })), 0],
    ['not archived', ledger(enforcementCase('A', { archived: false })), 0],
    ['a late case closed on the sample start (1 March) counts', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2025-02-01', closedOn: '2025-03-01', enteredOn: '2025-02-25' })), 0],
    ['a late case closed the day before the sample is ignored', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2025-02-01', closedOn: '2025-02-28', enteredOn: '2025-02-25' })), 0.5],
    ['a late case closed within 2 years but before the sample is ignored', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2024-06-01', closedOn: '2024-06-30', enteredOn: null })), 0.5],
    ['a late case closed after R is ignored', ledger(enforcementCase('A'), enforcementCase('B', { decidedOn: '2025-06-01', closedOn: '2025-07-01', enteredOn: null })), 0.5],
    ['a late simple case is ignored', ledger(enforcementCase('A'), enforcementCase('B', { procedure: 'SIMPLE', enteredOn: null, archived: false })), 0.5],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('7④', mutate).points).toBe(points);
  });

  it('uses the policy deadline', () => {
    const policy = { ...POLICY, id: 'p3', caseEntryDeadlineDays: 3 };
    const facts = ledger(enforcementCase('A', { decidedOn: '2025-04-10', enteredOn: '2025-04-14' }));
    expect(criterion(scoreWith(facts), '7④').points).toBe(0.5);
    const r = scoreWith(facts, context(undefined, policy));
    expect(criterion(r, '7④')).toMatchObject({ points: 0, reason: `${SAMPLE}办结一般程序案件 1 件，其中 1 件未在决定后3日内录入系统` });
  });

  it('explains both failures, naming the sample', () => {
    const c = check('7④', ledger(enforcementCase('A', { enteredOn: null }), enforcementCase('B', { archived: false }), enforcementCase('C')));
    expect(c.reason).toBe(`${SAMPLE}办结一般程序案件 3 件，其中 1 件未在决定后7日内录入系统、1 件未归档`);
  });

  it('takes the sample from the cut-off month: R = 2025-01-15 samples 2024年10月 to 2025年1月', () => {
    const facts = ledger(enforcementCase('A', { decidedOn: '2024-10-01', closedOn: '2024-10-01', enteredOn: null }), enforcementCase('B', { decidedOn: '2024-09-20', closedOn: '2024-09-30', enteredOn: null }));
    const c = criterion(scoreWith(facts, context('2025-01-15')), '7④');
    expect(c).toMatchObject({ points: 0, reason: '2024年10月至2025年1月办结一般程序案件 1 件，其中 1 件未在决定后7日内录入系统' });
  });

  it('follows the rubric parameter caseSampleMonths', () => {
    const rubric = { ...RUBRIC, version: 'sample-2-months', parameters: { ...RUBRIC.parameters, caseSampleMonths: 2 } };
    const facts = ledger(enforcementCase('A', { decidedOn: '2025-04-10', closedOn: '2025-04-20', enteredOn: null }), enforcementCase('B', { decidedOn: '2025-05-02', closedOn: '2025-05-02', enteredOn: '2025-05-02' }));
    expect(criterion(scoreWith(facts), '7④').points).toBe(0);
    expect(criterion(scoreWith(facts, context(undefined, { ...POLICY, rubricVersion: rubric.version }, rubric)), '7④')).toMatchObject({
      points: 0.5,
      reason: '2025年5月至6月办结一般程序案件 1 件，均在决定后7日内录入系统并归档',
    });
  });

  it("uses a round's own sample window", () => {
    const facts = ledger(enforcementCase('A', { decidedOn: '2025-01-10', closedOn: '2025-01-20', enteredOn: '2025-01-12' }));
    expect(criterion(scoreWith(facts), '7④').points).toBe(0);
    const round = { ...context(), round: { caseSampleFrom: '2025-01-01', caseSampleTo: '2025-04-30' } };
    expect(criterion(scoreWith(facts, round), '7④')).toMatchObject({ points: 0.5, reason: '2025年1月至4月办结一般程序案件 1 件，均在决定后7日内录入系统并归档' });
  });
});

describe('8 publicity, full-process record and legal review of every general case in the case sample', () => {
  it.each<[string, string, (f: StationFacts) => void, number, RegExp]>([
    ['8①', 'all publicised', () => {}, 0.5, /^2025年3月至6月办结一般程序案件 3 件，均已公示$/],
    ['8①', 'one not publicised', ledger(enforcementCase('A'), enforcementCase('B', { publicised: false })), 0, /2 件，其中 1 件未公示/],
    ['8①', 'one not publicised, closed before the sample', ledger(enforcementCase('A'), enforcementCase('B', { publicised: false, closedOn: '2025-02-28' })), 0.5, /1 件，均已公示/],
    ['8②', 'one without a full-process record', ledger(enforcementCase('A', { fullProcessRecorded: false })), 0, /其中 1 件无执法全过程记录/],
    ['8③', 'major decision reviewed', ledger(enforcementCase('A', { majorDecision: true, legalReviewed: true })), 0.5, /重大执法决定 1 件均经法制审核/],
    ['8③', 'major decision not reviewed', ledger(enforcementCase('A', { majorDecision: true }), enforcementCase('B', { majorDecision: true, legalReviewed: true })), 0, /重大执法决定 2 件中 1 件未经法制审核/],
    ['8③', 'cases but none major', ledger(enforcementCase('A')), 0.5, /无重大执法决定/],
    ['8③', 'an unreviewed major decision before the sample', ledger(enforcementCase('A'), enforcementCase('B', { majorDecision: true, closedOn: '2025-02-28' })), 0.5, /无重大执法决定/],
  ])('%s %s', (code, _n, mutate, points, reason) => {
    const c = check(code, mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });

  it.each(['7④', '8①', '8②', '8③'])('%s scores 0 with an empty sample', (code) => {
    const c = check(code, ledger(enforcementCase('OLD', { closedOn: '2025-02-28' }), enforcementCase('S', { procedure: 'SIMPLE' })));
    expect(c.points).toBe(0);
    expect(c.status).toBe('NOT_MET');
    expect(c.reason).toBe(`窗口内无已办结的一般程序案件（${SAMPLE}）`);
  });
});

describe("9① the county's latest case-file review (最近一次案卷评查) in 近2年 passed every file", () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['perfect: 3 files of the 2025-06-10 review passed', () => {}, 0.5, '最近一次案卷评查（2025-06-10）评查 3 件，合格 3 件，合格率 100% ≥ 100%'],
    ['one failed', ledger(enforcementCase('A'), enforcementCase('B', { fileReview: 'FAILED' })), 0, '最近一次案卷评查（2025-06-10）评查 2 件，合格 1 件，合格率 50% < 100%'],
    ['a failed simple case counts', ledger(enforcementCase('A'), enforcementCase('B', { procedure: 'SIMPLE', fileReview: 'FAILED' })), 0, '最近一次案卷评查（2025-06-10）评查 2 件，合格 1 件，合格率 50% < 100%'],
    [
      'a failure in an earlier review is superseded',
      ledger(enforcementCase('A'), enforcementCase('B', { fileReview: 'FAILED', fileReviewedOn: '2025-06-09' })),
      0.5,
      '最近一次案卷评查（2025-06-10）评查 1 件，合格 1 件，合格率 100% ≥ 100%',
    ],
    [
      'the latest review decides even when an earlier one passed',
      ledger(enforcementCase('A', { fileReviewedOn: '2024-12-01' }), enforcementCase('B', { fileReview: 'FAILED', fileReviewedOn: '2025-01-05' })),
      0,
      '最近一次案卷评查（2025-01-05）评查 1 件，合格 0 件，合格率 0% < 100%',
    ],
    ['a review on the window start (2023-06-30) counts', ledger(enforcementCase('A', { fileReview: 'FAILED', fileReviewedOn: '2023-06-30' })), 0, '最近一次案卷评查（2023-06-30）评查 1 件，合格 0 件，合格率 0% < 100%'],
    ['a review the day before the window is ignored', ledger(enforcementCase('A', { fileReview: 'FAILED', fileReviewedOn: '2023-06-29' })), 0, '近2年无案卷评查记录'],
    ['a review after R is ignored', ledger(enforcementCase('A', { fileReviewedOn: '2024-01-10' }), enforcementCase('B', { fileReview: 'FAILED', fileReviewedOn: '2025-07-01' })), 0.5, '最近一次案卷评查（2024-01-10）评查 1 件，合格 1 件，合格率 100% ≥ 100%'],
    ['without a review date the closing date stands in', ledger(enforcementCase('A', { fileReviewedOn: null, closedOn: '2025-04-20' }), enforcementCase('B', { fileReview: 'FAILED', fileReviewedOn: '2025-04-19' })), 0.5, '最近一次案卷评查（2025-04-20）评查 1 件，合格 1 件，合格率 100% ≥ 100%'],
    ['none reviewed', ledger(enforcementCase('A', { fileReview: 'NOT_REVIEWED', fileReviewedOn: null })), 0, '近2年无案卷评查记录'],
    ['no cases at all', ledger(), 0, '近2年无案卷评查记录'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('9①', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });

  it('follows the rubric parameter minPassPct', () => {
    const facts = ledger(enforcementCase('A'), enforcementCase('B'), enforcementCase('C'), enforcementCase('D', { fileReview: 'FAILED' }));
    expect(criterion(scoreWith(facts), '9①').points).toBe(0);
    const rubric = withParameters('CASE_FILE_REVIEW', { minPassPct: 75 });
    expect(criterion(scoreWith(facts, context(undefined, { ...POLICY, rubricVersion: rubric.version }, rubric)), '9①')).toMatchObject({
      points: 0.5,
      reason: '最近一次案卷评查（2025-06-10）评查 4 件，合格 3 件，合格率 75% ≥ 75%',
    });
  });
});

describe('9② no case overturned in 近2年 (by overturnedOn), and 附件3 item 4', () => {
  it.each<[string, (f: StationFacts) => void, number]>([
    ['none overturned', () => {}, 0.5],
    ['no cases at all (absence of a bad event)', ledger(), 0.5],
    ['overturned in the window', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2025-05-01' })), 0],
    ['overturned in the window, closed long before it', ledger(enforcementCase('A', { overturned: true, closedOn: '2022-03-01', decidedOn: '2022-02-01', overturnedOn: '2024-01-10' })), 0],
    ['overturned before the window, closed in it', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2023-06-29' })), 0.5],
    ['overturned on the window start', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2023-06-30' })), 0],
    ['overturned after R', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2025-07-01' })), 0.5],
    ['overturned simple case', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2025-05-01', procedure: 'SIMPLE' })), 0],
    ['no overturnedOn: closed in the window', ledger(enforcementCase('A', { overturned: true })), 0],
    ['no overturnedOn: closed on the window start', ledger(enforcementCase('A', { overturned: true, closedOn: '2023-06-30' })), 0],
    ['no overturnedOn: closed the day before', ledger(enforcementCase('A', { overturned: true, closedOn: '2023-06-29' })), 0.5],
    ['no overturnedOn, not closed, decided in the window', ledger(enforcementCase('A', { overturned: true, closedOn: null, decidedOn: '2025-01-01' })), 0],
    ['item 4 no', (f) => void (f.certifications[0].items['4'] = false), 0],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('9②', mutate).points).toBe(points);
  });
  it('explains both parts', () => {
    expect(check('9②', ledger(enforcementCase('A', { overturned: true, overturnedOn: '2025-05-01' }))).reason).toBe(
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
    ['no figures for 2024 (after 31 March: not reported)', (f) => void (f.complaintFigures = [figures('2023'), figures('2025')]), 0, '2024年度12315投诉数据未报送'],
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
    expect(other.reason).toBe('2024年度12315投诉数据未报送');
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
    ['no figures', (f) => void (f.complaintFigures = []), 0, '2024年度12315举报数据未报送'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('10②', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('attested criteria (附件3): the latest certification with year ≤ Y, valid for Y and Y−1', () => {
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

  it('accepts a certification of Y−1 (2024) and treats one of Y−2 (2023) as expired', () => {
    const lastYear = scoreWith((f) => void (f.certifications = [cert(2024, all(true))]));
    expect(criterion(lastYear, '34')).toMatchObject({ points: 0.5, reason: '附件3第11项：是（2024年度证明）' });
    const expired = scoreWith((f) => void (f.certifications = [cert(2023, all(true))]));
    expect(criterion(expired, '34')).toMatchObject({ points: 0, status: 'NOT_MET', reason: '附件3证明已过期（2023年度），第11项视同否' });
    expect(criterion(expired, '9②')).toMatchObject({ points: 0, reason: '近2年无因行政复议、行政诉讼被纠错的案件；附件3证明已过期（2023年度），第4项视同否' });
    expect(expired.raw).toBe(100 - 7.5 - 3.5);
  });

  it('lets a certification expire on 1 January two years on (2019 vouches for nothing in 2026)', () => {
    const at = (cutOff: string) => criterion(scoreWith((f) => void (f.certifications = [cert(2024, all(true))]), context(cutOff)), '3①');
    expect(at('2025-12-31')).toMatchObject({ points: 0.5 });
    expect(at('2026-01-01')).toMatchObject({ points: 0, reason: '附件3证明已过期（2024年度），第1项视同否' });
    const old = criterion(scoreWith((f) => void (f.certifications = [cert(2019, all(true))]), context('2026-06-30')), '3①');
    expect(old.reason).toBe('附件3证明已过期（2019年度），第1项视同否');
  });

  it('follows the rubric parameter certificationValidYears', () => {
    const rubric = { ...RUBRIC, version: 'cert-3-years', parameters: { ...RUBRIC.parameters, certificationValidYears: 3 } };
    const r = scoreWith((f) => void (f.certifications = [cert(2023, all(true))]), context(undefined, POLICY, rubric));
    expect(criterion(r, '34')).toMatchObject({ points: 0.5, reason: '附件3第11项：是（2023年度证明）' });
  });

  it('counts a blank item as no', () => {
    const r = scoreWith((f) => void delete f.certifications[0].items['6']);
    expect(criterion(r, '25⑥')).toMatchObject({ points: 0, reason: '附件3第6项：否（2025年度证明）' });
  });

  it('counts every item as no without a certification', () => {
    const r = scoreWith((f) => void (f.certifications = []));
    expect(criterion(r, '34')).toMatchObject({ points: 0, reason: '无附件3证明，第11项视同否' });
    expect(criterion(r, '18②')).toMatchObject({ points: 0, reason: '近2年在编人员无违规违纪记录；无附件3证明，第5项视同否' });
    // 10 attested criteria: 3① 0.5 + 3② 1 + 3③ 1 + 25⑥ 1 + 25⑦ 1 + 27① 0.5 + 28① 0.5 + 30④ 0.5
    // + 31② 1 + 34 0.5 = 7.5; and the DATA criteria needing an item: 9② 0.5 + 18② 1 + 31③ 2 = 3.5
    expect(r.raw).toBe(100 - 7.5 - 3.5);
  });
});
