// Whole stations computed by hand. R = 2025-06-30 throughout; default policy
// (5★ ALL ≥ 90, 4★ ※ ≥ 85, 3★ ※ ≥ 75, bonus included; 5★ also needs total ≥ 90).
//
// Recomputed by hand after the corrected period and scope rules (issue 12): stations 1-5
// did not move. The perfect station's general cases now lie in the case sample
// (2025年3月至6月) and its files in the county's latest review (2025-06-10), so 7④, 8 and 9①
// stay met; its civil servants (行政编, 参公编) all hold certificates (33); its certification
// is of Y (valid); nobody on it has left or has a disciplinary record. What moved: the
// province policy level declared without bonus (every level counts the bonus now), and
// station 6 below, which the old readings scored 97.5.
import type { BonusEvent } from '../../../domain/station-data.js';
import type { StarPolicy } from '../../../rubric/index.js';
import { byId, context, criterion, idOf, POLICY, removeAssessments, scoreWith } from './support/perfect-station.js';

const award = (eventKey: string, category: BonusEvent['category'], level: BonusEvent['level'], date: string, points: number | null = null): BonusEvent => ({
  eventKey,
  category,
  level,
  date,
  subject: 'COLLECTIVE',
  description: eventKey,
  points,
});

describe('station 1: perfect', () => {
  it('scores 100 and five stars', () => {
    // every DATA/ATTESTED rule met, every ASSESSED criterion at max: 121 criteria, 100 points
    const r = scoreWith();
    expect([r.raw, r.applicable, r.rebased, r.bonus, r.total, r.stars, r.eligible]).toEqual([100, 100, 100, 0, 100, 5, true]);
    expect(r.starLevels.map((l) => [l.stars, l.threshold, l.score, l.passed])).toEqual([
      [5, 90, 100, true],
      [4, 85, 100, true],
      [3, 75, 100, true],
    ]);
    expect(r.starLevels[1].reason).toBe('※指标得分 67.5/67.5，折算 100 ≥ 85，达到4星');
    expect(r.criteria).toHaveLength(121);
    expect(r.criteria.every((c) => c.status === 'MET')).toBe(true);
    expect(r.pendingCriteria).toEqual([]);
    expect(r.missingItems).toEqual([]);
    expect(r.rebaseNote).toBeNull();
    expect(r.indicators).toHaveLength(5 + 21 + 46);
    expect(r.indicators.filter((i) => i.level === 1).map((i) => [i.code, i.points, i.max])).toEqual([
      ['一', 25, 25],
      ['二', 15, 15],
      ['三', 15, 15],
      ['四', 20, 20],
      ['五', 25, 25],
    ]);
  });
});

describe('station 2: no special equipment duty (32③ is a reasonable missing item)', () => {
  it('re-bases on 99 points', () => {
    const r = scoreWith((f) => {
      f.profile.duties = ['FOOD', 'DRUG', 'PRICE'];
      byId(f, 'P05').trainings = []; // 36① (※, 0.5) not met
      f.profile.premises.rooms = f.profile.premises.rooms.filter((x) => x !== 'DUTY_ROOM'); // 39② (※): 10/11 rooms → floor(40/11)/2 = 1.5
    });
    // raw        = 100 − 1 (32③ missing) − 0.5 (36①) − 0.5 (39②)           = 98
    // applicable = 100 − 1                                                  = 99
    // rebased    = 98 / 99 × 100 = 98.9898… → 98.99
    // ※ level    = (67.5 − 1 − 0.5 − 0.5) / (67.5 − 1) = 65.5 / 66.5 = 98.4962… → 98.50
    expect([r.raw, r.applicable, r.rebased, r.total, r.stars]).toEqual([98, 99, 98.99, 98.99, 5]);
    expect(r.starLevels.map((l) => l.score)).toEqual([98.99, 98.5, 98.5]);
    expect(r.missingItems).toEqual([{ id: '4.15.32.3', code: '32③', max: 1, reason: '未承担特种设备安全监管职责，合理缺项' }]);
    expect(r.rebaseNote).toBe('合理缺项 32③（1分）不计，适用分值 99 分，基础得分 98 ÷ 99 × 100 = 98.99');
    const ind32 = r.indicators.find((i) => i.id === '4.15.32');
    expect(ind32).toMatchObject({ points: 1.5, max: 2.5, applicableMax: 1.5, starred: true });
    expect(r.indicators.find((i) => i.id === '4.15')).toMatchObject({ points: 7, max: 8, applicableMax: 7 });
    expect(r.indicators.find((i) => i.id === '4')).toMatchObject({ points: 18.5, max: 20, applicableMax: 19 });
    // 42② no longer requires protective equipment
    expect(criterion(r, '42②').reason).toBe('执法人员 9 人，每组2人需各 5 台：手持执法终端 5 台，执法记录仪 5 台');
  });
});

describe('station 3: 89.5 points, lifted (or not) by bonus', () => {
  // Not assessed yet (all non-※): 22① 2 + 22② 1 + 26① 1 + 26② 1 + 44 2 + 46② 1.5 + 46③ 1 + 46④ 1 = 10.5
  const PENDING = ['22①', '22②', '26①', '26②', '44', '46②', '46③', '46④'];

  it('is 89.5 without bonus: no five stars (note 6), four stars on ※', () => {
    const r = scoreWith((f) => removeAssessments(f, PENDING));
    // raw = rebased = total = 100 − 10.5 = 89.5 < 90; ※ untouched: 67.5/67.5 = 100 ≥ 85
    expect([r.raw, r.rebased, r.total, r.stars]).toEqual([89.5, 89.5, 89.5, 4]);
    expect(r.pendingCriteria).toEqual(PENDING.map(idOf));
    expect(r.starLevels[0]).toMatchObject({ stars: 5, score: 89.5, passed: false, reason: '全部指标得分 89.5/100，折算 89.5 < 90，未达到5星' });
  });

  it('reaches five stars with a 3-point commendation: 89.5 + 3 = 92.5', () => {
    const r = scoreWith((f) => {
      removeAssessments(f, PENDING);
      f.bonusEvents = [award('C1', 'COMMENDATION', 'PROVINCIAL', '2024-05-01')];
    });
    expect([r.rebased, r.bonus, r.total, r.stars]).toEqual([89.5, 3, 92.5, 5]);
    expect(r.starLevels[0].reason).toBe('全部指标得分 89.5/100，折算 89.5 + 加分 3 = 92.5 ≥ 90，达到5星');
  });

  it('reaches exactly 90 with a 0.5-point other bonus', () => {
    const r = scoreWith((f) => {
      removeAssessments(f, PENDING);
      f.bonusEvents = [award('O1', 'OTHER', 'COUNTY', '2025-06-30', 0.5)];
    });
    expect([r.total, r.stars]).toEqual([90, 5]);
  });

  it('is not lifted by the same event reported twice', () => {
    // one more point lost (20① 1, non-※): 88.5; the talent-pool event K1 (municipal, 1 point)
    // reported twice counts once: 88.5 + 1 = 89.5 < 90 (counting it twice would give 90.5)
    const r = scoreWith((f) => {
      removeAssessments(f, [...PENDING, '20①']);
      f.bonusEvents = [award('K1', 'TALENT_POOL', 'MUNICIPAL', '2024-09-01'), award('K1', 'TALENT_POOL', 'MUNICIPAL', '2024-09-01')];
      (f.bonusEvents[1] as BonusEvent).subject = 'P02';
    });
    expect([r.rebased, r.bonus, r.total, r.stars]).toEqual([88.5, 1, 89.5, 4]);
    expect(r.bonusItems.map((i) => i.counted)).toEqual([true, false]);
    expect(r.bonusItems[1].reason).toContain('同一事项只加一次');
  });

  it('is not lifted by an event outside its window nor by a county-level award', () => {
    const r = scoreWith((f) => {
      removeAssessments(f, PENDING);
      f.bonusEvents = [award('C1', 'COMMENDATION', 'PROVINCIAL', '2023-06-29'), award('A1', 'AWARD', 'COUNTY', '2024-01-01')];
    });
    expect([r.bonus, r.total, r.stars]).toEqual([0, 89.5, 4]);
  });
});

describe('station 4: a veto makes it ineligible whatever its score', () => {
  it('keeps the 100 + 10 but has no star', () => {
    const r = scoreWith((f) => {
      f.bonusEvents = [award('A1', 'AWARD', 'NATIONAL', '2024-01-01'), award('A2', 'AWARD', 'NATIONAL', '2024-02-01')];
      f.vetoEvents = [{ id: 'V1', kind: 'RATING_FRAUD', date: '2025-05-01', description: '申报材料弄虚作假', personExternalId: null, lifted: false }];
    });
    expect([r.rebased, r.bonus, r.total, r.eligible, r.stars]).toEqual([100, 10, 110, false, 0]);
    expect(r.blockingVetoes.map((v) => v.kind)).toEqual(['RATING_FRAUD']);
    expect(r.starLevels.every((l) => !l.passed)).toBe(true);
  });
});

describe('station 5: four stars through ※ re-basing', () => {
  it('fails five stars overall but passes four on the re-based ※ indicators', () => {
    // Every non-※ ASSESSED criterion left unassessed: 12 0.5, 16 1.5, 17 1.5, 20 1.5, 22 3,
    // 26 2, 30①③ 2, 35 1.5, 37② 1, 40 3, 44 2, 46②③④ 3.5 = 23 points in 24 criteria.
    // Indicator 13 (※, 1 point) is a reasonable missing item; 36① (※, 0.5) fails.
    // raw = 100 − 23 − 1 − 0.5 = 75.5; applicable = 99; rebased = 75.5 / 99 = 76.2626… → 76.26
    // ※: (67.5 − 1 − 0.5) / (67.5 − 1) = 66 / 66.5 = 99.2481… → 99.25
    const r = scoreWith((f) => {
      f.assessments = f.assessments.filter((a) => {
        const third = a.criterionId.split('.').slice(0, 3).join('.');
        return ['1.1.1', '1.2.2', '1.2.4', '1.2.5', '1.2.6', '1.3.7', '1.4.10', '1.5.11', '1.5.13', '2.6.14', '2.7.15', '2.8.18', '2.8.19', '2.8.21', '3.10.23', '3.11.24', '3.11.25', '3.13.27', '3.13.28', '4.14.29', '5.18.38', '5.19.39', '5.20.42', '5.21.45'].includes(third);
      });
      f.missingItemMarks = [{ itemId: '1.5.13', justification: '辖区无“小个专”党建工作指导任务' }];
      byId(f, 'P05').trainings = [];
    });
    expect(r.pendingCriteria).toHaveLength(24);
    expect([r.raw, r.applicable, r.rebased, r.total]).toEqual([75.5, 99, 76.26, 76.26]);
    expect(r.starLevels.map((l) => [l.stars, l.score, l.passed])).toEqual([
      [5, 76.26, false],
      [4, 99.25, true],
      [3, 99.25, true],
    ]);
    expect(r.stars).toBe(4);
    // 13's assessments were kept: an assessment on a missing item does not bring it back
    expect(r.missingItems.map((m) => [m.code, m.max, m.reason])).toEqual([
      ['13①', 0.5, '合理缺项：辖区无“小个专”党建工作指导任务（评审评分不计）'],
      ['13②', 0.5, '合理缺项：辖区无“小个专”党建工作指导任务（评审评分不计）'],
    ]);
    expect(r.rebaseNote).toBe('合理缺项 13①（0.5分）、13②（0.5分）不计，适用分值 99 分，基础得分 75.5 ÷ 99 × 100 = 76.26');
  });

  it('gets three stars when ※ lands between 75 and 85', () => {
    // ※ criteria unassessed: 5①②③ 3 + 15①–⑤ 3 + 25①–⑤ 3 + 38①② 3 = 12 → (67.5 − 12) / 67.5 = 82.2222… → 82.22
    // raw = 100 − 12 = 88 → no five stars
    const r = scoreWith((f) => removeAssessments(f, ['5①', '5②', '5③', '15①', '15②', '15③', '15④', '15⑤', '25①', '25②', '25③', '25④', '25⑤', '38①', '38②']));
    expect([r.raw, r.stars]).toEqual([88, 3]);
    expect(r.starLevels.map((l) => l.score)).toEqual([88, 82.22, 82.22]);
  });

  it('can end with no star at all', () => {
    const r = scoreWith((f) => void (f.assessments = []));
    // 77 criteria pending: raw = 100 − (sum of ASSESSED points)
    expect(r.pendingCriteria).toHaveLength(77);
    expect(r.stars).toBe(0);
    expect(r.eligible).toBe(true);
  });
});

describe('station 6: what the corrected rules score differently (issue 12)', () => {
  it('scores 100 where the old readings gave 97.5', () => {
    const r = scoreWith((f) => {
      byId(f, 'P04').enforcementCertNo = null; // 事业编 without certificate: not a 公务员, 33 stays met (old: −1)
      byId(f, 'A01').disciplinaryRecords = [{ date: '2025-01-10', kind: '警告', description: '迟到' }]; // an auxiliary: 附件3 item 11's matter, 18② stays met (old: −1)
      f.cases = [...f.cases, { ...f.cases[0], caseNumber: 'C2024-009', publicised: false }]; // closed 2024-10-20, before the sample: 8① stays met (old: −0.5)
    });
    // raw = 100; the old readings: 100 − 1 (33) − 1 (18②) − 0.5 (8①) = 97.5
    expect([r.raw, r.total, r.stars]).toEqual([100, 100, 5]);
    expect(criterion(r, '33').reason).toBe('2年前录用的公务员 6 人全部持执法证（2年内新录用 1 人除外）');
    expect(criterion(r, '18②').reason).toBe('近2年在编人员无违规违纪记录；附件3第5项：是（2025年度证明）');
    expect(criterion(r, '8①').reason).toBe('2025年3月至6月办结一般程序案件 3 件，均已公示');
  });

  it('loses 11 points and five stars with an expired (2023) certification', () => {
    const r = scoreWith((f) => void (f.certifications = [{ ...f.certifications[0], year: 2023 }]));
    // 10 attested criteria 7.5 + data criteria needing an item (9② 0.5, 18② 1, 31③ 2) 3.5 = 11 → 89 < 90
    // of them ※: 3①②③ 2.5 + 25⑥⑦ 2 + 27① 0.5 + 28① 0.5 + 18② 1 = 6.5 → (67.5 − 6.5) / 67.5 = 90.370… → 90.37 ≥ 85: 4★
    expect([r.raw, r.total, r.stars]).toEqual([89, 89, 4]);
    expect(r.starLevels[1].score).toBe(90.37);
    expect(criterion(r, '3①').reason).toBe('附件3证明已过期（2023年度），第1项视同否');
  });
});

describe('province policies', () => {
  it('never passes five stars below a total of 90, even with a lower province threshold', () => {
    const policy: StarPolicy = { ...POLICY, id: 'lenient', provinceCode: '130000', levels: [{ stars: 5, indicatorSet: 'ALL', threshold: 85, includeBonus: true }] };
    const r = scoreWith((f) => removeAssessments(f, ['22①', '22②', '26①', '26②', '44']), context(undefined, policy));
    // 100 − 7 = 93 ≥ 90: passes
    expect(r.stars).toBe(5);
    const low = scoreWith((f) => removeAssessments(f, ['22①', '22②', '26①', '26②', '44', '46②', '46③', '46④']), context(undefined, policy));
    // 89.5 ≥ 85 but < 90
    expect([low.total, low.stars]).toEqual([89.5, 0]);
    expect(low.starLevels[0].reason).toBe('全部指标得分 89.5/100，折算 89.5 ≥ 85，但总分 89.5 未达90分（说明6），未达到5星');
  });

  it('scores a level on an explicit indicator set, always with the bonus (the rubric says so even where an old policy does not)', () => {
    const policy: StarPolicy = {
      ...POLICY,
      id: 'custom',
      levels: [
        { stars: 2, indicatorSet: ['4.15.31', '4.15.32'], threshold: 80, includeBonus: false },
        { stars: 1, indicatorSet: ['4.15.31', '4.15.32'], threshold: 80, includeBonus: true },
      ],
    };
    // 31 (4) + 32 (2.5) = 6.5; 31③ fails (2 people seconded): 4.5/6.5 = 69.2307… → 69.23; + 3 bonus = 72.23
    const r = scoreWith(
      (f) => {
        byId(f, 'P05').secondedMonths = 1;
        f.bonusEvents = [award('C', 'COMMENDATION', 'NATIONAL', '2025-01-01')];
      },
      context(undefined, policy),
    );
    expect(r.starLevels.map((l) => [l.stars, l.score, l.passed])).toEqual([
      [2, 72.23, false],
      [1, 72.23, false],
    ]);
    expect(r.starLevels[0].reason).toBe('指定指标（2项）得分 4.5/6.5，折算 69.23 + 加分 3 = 72.23 < 80，未达到2星');
    expect(r.stars).toBe(0);
  });

  it('evaluates levels highest first whatever the policy order', () => {
    const policy: StarPolicy = { ...POLICY, id: 'reordered', levels: [...POLICY.levels].reverse() };
    expect(scoreWith(undefined, context(undefined, policy)).starLevels.map((l) => l.stars)).toEqual([5, 4, 3]);
  });
});
