// Per-year rules across the turn of the year (domain guide, "Periods"): the last complete
// year Y−1 is read; until 31 March of Y the rolling evaluation falls back to Y−2 for a
// station that has not reported Y−1 yet, so that no score drops on 1 January; after that,
// and always in a round, figures not reported score 0 and say so.
import type { StationFacts } from '../facts.js';
import type { ScoreResult } from '../score-result.js';
import { scoreStation } from '../score.js';
import { context, criterion, enforcementCase, perfectStation } from './support/perfect-station.js';

/**
 * The perfect station as it stands at the end of 2025, nothing pushed since: its general
 * cases closed in October and November 2025 and reviewed on 2025-12-01, health checks in
 * June 2025, figures, trainings and reviews of 2024 (and 2023), a certification of 2025.
 */
function endOf2025(): StationFacts {
  const f = perfectStation();
  f.cases = [
    enforcementCase('C2025-101', { filedOn: '2025-09-01', decidedOn: '2025-10-10', closedOn: '2025-10-20', enteredOn: '2025-10-12', fileReviewedOn: '2025-12-01' }),
    enforcementCase('C2025-102', { filedOn: '2025-10-01', decidedOn: '2025-11-03', closedOn: '2025-11-20', enteredOn: '2025-11-05', fileReviewedOn: '2025-12-01' }),
  ];
  for (const p of f.personnel) if (p.lastHealthCheckOn !== null) p.lastHealthCheckOn = '2025-06-01';
  return f;
}

const score = (cutOff: string, facts: StationFacts = endOf2025()): ScoreResult => scoreStation(facts, context(cutOff));
const PER_YEAR = ['10①', '10②', '29③', '36①', '36②'];

describe('a perfect station with no new pushes across 1 January', () => {
  it('keeps its total from 31 December to 1 January (100 and 5★ on both days)', () => {
    const dec31 = score('2025-12-31');
    const jan1 = score('2026-01-01');
    expect([dec31.total, dec31.stars]).toEqual([100, 5]);
    expect([jan1.total, jan1.stars]).toEqual([100, 5]);
    for (const code of PER_YEAR) expect([code, criterion(jan1, code).points]).toEqual([code, criterion(dec31, code).points]);
  });

  it('names the year it used instead of the one not reported yet', () => {
    const jan1 = score('2026-01-01');
    expect(criterion(jan1, '10①').reason).toBe('（2025年度尚未报送，3月31日前暂按2024年度）2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%');
    expect(criterion(jan1, '36①').reason).toBe('（2025年度尚未报送，3月31日前暂按2024年度）2024年度培训达标（脱产≥12天或脱产加线上≥90学时）10/10 人');
    expect(criterion(jan1, '36②').reason).toBe('（2025年度尚未报送，3月31日前暂按2024年度）所长2024、2023年度均参加省级以上示范培训或跨地区交流');
    expect(criterion(jan1, '29③').reason).toBe('（2025年度尚未报送，3月31日前暂按2024年度）2024年度考核获优秀等次');
    // on 31 December nothing stands in for anything
    expect(criterion(score('2025-12-31'), '10①').reason).toBe('2024年度：投诉按时初查率 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%');
  });
});

describe('the fallback ends after 31 March', () => {
  it.each<[string, number, string]>([
    ['10①', 1, '2025年度12315投诉数据未报送'],
    ['10②', 1, '2025年度12315举报数据未报送'],
    ['36①', 0.5, '2025年度培训数据未报送'],
    ['36②', 1, '所长省级以上示范培训或跨地区交流：2025年度 0 次、2024年度 1 次，未达每年不少于1次'],
  ])('%s: met on 31 March (Y−2 stands in), not on 1 April', (code, points, reasonOnApril1) => {
    expect(criterion(score('2026-03-31'), code).points).toBe(points);
    const april1 = criterion(score('2026-04-01'), code);
    expect([april1.points, april1.reason]).toEqual([0, reasonOnApril1]);
  });

  it('29③ reads 2025 and 2024 on 1 April: a 2024 excellent still counts, a 2023 one no longer does', () => {
    expect(criterion(score('2026-04-01'), '29③')).toMatchObject({ points: 1.5, reason: '2024年度考核获优秀等次' });
    const f = endOf2025();
    f.annualReviews = [{ year: 2024, subject: 'STATION', result: 'COMPETENT' }, { year: 2023, subject: 'STATION', result: 'EXCELLENT' }];
    expect(criterion(score('2026-03-31', f), '29③')).toMatchObject({ points: 1.5, reason: '（2025年度尚未报送，3月31日前暂按2024年度）2023年度考核获优秀等次' });
    expect(criterion(score('2026-04-01', f), '29③')).toMatchObject({ points: 0, reason: '2025、2024年度考核均未获优秀等次' });
  });
});

describe('figures of Y−1 reported before 31 March are used at once', () => {
  it('uses 2025 figures on 1 January when they are there, even when they fail', () => {
    const f = endOf2025();
    f.complaintFigures = [...f.complaintFigures, { ...f.complaintFigures[0], period: '2025', complaintsCheckedOnTime: 90 }];
    f.mediationAverages = [...f.mediationAverages, { year: 2025, rate: 0.7 }];
    const c = criterion(score('2026-01-01', f), '10①');
    expect([c.points, c.reason]).toEqual([0, '2025年度：投诉按时初查率 90% < 100%，按时办结率 100%，调解成功率 80% > 全国平均 70%']);
  });

  it('falls back per station and per kind: 2025 trainings of one member end the fallback for 36①', () => {
    const f = endOf2025();
    f.personnel[4].trainings = [...f.personnel[4].trainings, { year: 2025, offlineDays: 12, offlineHours: 0, onlineHours: 0, provincialTrainings: 0 }];
    const c = criterion(score('2026-01-01', f), '36①');
    expect([c.points, c.reason]).toEqual([0, '2025年度培训达标（脱产≥12天或脱产加线上≥90学时）1/10 人，未全部达标']);
    // complaints still fall back
    expect(criterion(score('2026-01-01', f), '10①').points).toBe(1);
  });
});

describe('a round never falls back', () => {
  it('scores figures not reported for Y−1 as 0, even in January', () => {
    const round = { ...context('2026-01-15'), round: { caseSampleFrom: '2025-10-01', caseSampleTo: '2026-01-15' } };
    const r = scoreStation(endOf2025(), round);
    expect(criterion(r, '10①')).toMatchObject({ points: 0, reason: '2025年度12315投诉数据未报送' });
    expect(criterion(r, '36①')).toMatchObject({ points: 0, reason: '2025年度培训数据未报送' });
    expect(criterion(r, '7④')).toMatchObject({ points: 0.5, reason: '2025年10月至2026年1月办结一般程序案件 2 件，均在决定后7日内录入系统并归档' });
    // the rolling evaluation of the same day does fall back
    expect(criterion(score('2026-01-15'), '10①').points).toBe(1);
    expect(r.inputHash).not.toBe(score('2026-01-15').inputHash);
  });
});

describe('the fallback date is rubric data', () => {
  it('follows previousYearFallbackUntil', () => {
    const base = context('2026-02-15');
    const rubric = { ...base.rubric, version: 'fallback-jan-31', parameters: { ...base.rubric.parameters, previousYearFallbackUntil: { month: 1, day: 31 } } };
    const r = scoreStation(endOf2025(), { ...base, rubric });
    expect(criterion(r, '10①')).toMatchObject({ points: 0, reason: '2025年度12315投诉数据未报送' });
    expect(criterion(scoreStation(endOf2025(), context('2026-01-31')), '10①').points).toBe(1);
  });
});
