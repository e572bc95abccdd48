// Assessments, missing items, rounding, determinism and the hash, diffScores, validation.
import { getRubricIndex } from '../../../rubric/index.js';
import type { StationFacts } from '../facts.js';
import { diffScores, explainScore, hashInputs, scoreStation, validateAssessmentPoints } from '../index.js';
import {
  byId,
  context,
  criterion,
  deepFreeze,
  idOf,
  perfectStation,
  POLICY,
  removeAssessments,
  RUBRIC,
  scoreWith,
} from './support/perfect-station.js';

const assess = (code: string, points: number, note = '现场核查') => ({ criterionId: idOf(code), points, note });

describe('assessments override any source', () => {
  it('overrides a DATA criterion that the data fails', () => {
    const r = scoreWith((f) => {
      byId(f, 'P05').trainings = [];
      f.assessments = [...f.assessments, assess('36①', 0.5, '现场核实培训记录齐全')];
    });
    expect(criterion(r, '36①')).toEqual({
      id: '4.16.36.1',
      code: '36①',
      indicatorId: '4.16.36',
      points: 0.5,
      max: 0.5,
      source: 'DATA',
      assessed: true,
      status: 'MET',
      reason: '评审评分 0.5/0.5：现场核实培训记录齐全',
    });
  });

  it('overrides a DATA criterion that the data meets, down to 0', () => {
    const r = scoreWith((f) => void (f.assessments = [...f.assessments, assess('42①', 0, '车辆未喷涂标识')]));
    expect(criterion(r, '42①')).toMatchObject({ points: 0, assessed: true, status: 'NOT_MET', source: 'DATA' });
    expect(r.raw).toBe(98);
  });

  it('gives PARTLY_MET between 0 and max, also on ATTESTED criteria', () => {
    const r = scoreWith((f) => void (f.assessments = [...f.assessments, assess('39②', 1), assess('25⑥', 0.5)]));
    expect(criterion(r, '39②')).toMatchObject({ points: 1, status: 'PARTLY_MET', assessed: true });
    expect(criterion(r, '25⑥')).toMatchObject({ points: 0.5, status: 'PARTLY_MET', assessed: true, source: 'ATTESTED' });
  });

  it('reports ASSESSED criteria without assessment as pending, with 0 points', () => {
    const r = scoreWith((f) => removeAssessments(f, ['1①', '46④']));
    expect(r.pendingCriteria).toEqual(['1.1.1.1', '5.21.46.4']);
    expect(criterion(r, '1①')).toMatchObject({ points: 0, status: 'PENDING_ASSESSMENT', assessed: false, reason: '未评审' });
    expect(r.raw).toBe(98);
  });

  it('marks an ASSESSED criterion assessed at 0 as NOT_MET, not pending', () => {
    const r = scoreWith((f) => void (f.assessments = f.assessments.map((a) => (a.criterionId === idOf('1①') ? { ...a, points: 0 } : a))));
    expect(criterion(r, '1①')).toMatchObject({ status: 'NOT_MET', assessed: true });
    expect(r.pendingCriteria).toEqual([]);
  });

  it.each([0.3, 1.5, -0.5, Number.NaN])('ignores an invalid assessment (%p points on a 1-point criterion)', (points) => {
    const r = scoreWith((f) => {
      removeAssessments(f, ['1①']);
      f.assessments = [...f.assessments, { criterionId: idOf('1①'), points, note: 'x' }];
    });
    const c = criterion(r, '1①');
    expect(c).toMatchObject({ points: 0, status: 'PENDING_ASSESSMENT', assessed: false });
    expect(c.reason).toBe(`评审评分 ${String(points)} 无效（应为0至1、0.5的整数倍），未采用；未评审`);
  });

  it('uses the lowest of two assessments of one criterion, whatever their order', () => {
    const two = [assess('1①', 1, '甲'), assess('1①', 0.5, '乙')];
    for (const order of [two, [...two].reverse()]) {
      const r = scoreWith((f) => {
        removeAssessments(f, ['1①']);
        f.assessments = [...order, ...f.assessments];
      });
      expect(criterion(r, '1①')).toMatchObject({ points: 0.5, reason: '评审评分 0.5/1：乙' });
    }
  });

  it('keeps the reason on one line and ignores unknown criteria', () => {
    const r = scoreWith((f) => {
      removeAssessments(f, ['1①']);
      f.assessments = [...f.assessments, assess('1①', 1, '第一行\n第二行\r\n'), { criterionId: '9.9.9.9', points: 1, note: '' }];
    });
    expect(criterion(r, '1①').reason).toBe('评审评分 1/1：第一行 第二行');
    const spaced = scoreWith((f) => {
      removeAssessments(f, ['1①']);
      f.assessments = [...f.assessments, assess('1①', 1, '\u3000材料齐全 ')];
    });
    expect(criterion(spaced, '1①').reason).toBe('评审评分 1/1：材料齐全');
  });
});

describe('reasonable missing items (note 4)', () => {
  it('takes a criterion id', () => {
    const r = scoreWith((f) => void (f.missingItemMarks = [{ itemId: '1.1.1.1', justification: '不承担登记注册职责' }]));
    expect([r.raw, r.applicable, r.rebased]).toEqual([99, 99, 100]);
    expect(criterion(r, '1①')).toMatchObject({ points: 0, status: 'MISSING_ITEM', reason: '合理缺项：不承担登记注册职责（评审评分不计）' });
    expect(r.indicators.find((i) => i.id === '1.1.1')).toMatchObject({ points: 1, max: 2, applicableMax: 1 });
  });

  it('takes a third-level indicator id for all its criteria', () => {
    const r = scoreWith((f) => void (f.missingItemMarks = [{ itemId: '1.1.1', justification: '不承担市场准入职责' }]));
    expect(r.missingItems.map((m) => m.code)).toEqual(['1①', '1②', '1③']);
    expect(r.applicable).toBe(98);
    expect(r.indicators.find((i) => i.id === '1')).toMatchObject({ points: 23, max: 25, applicableMax: 23 });
  });

  it('ignores unknown ids and ids of other levels', () => {
    const r = scoreWith((f) => void (f.missingItemMarks = [{ itemId: 'nope', justification: 'x' }, { itemId: '1.1', justification: 'x' }, { itemId: '1', justification: 'x' }, { itemId: '32③', justification: 'codes are not ids' }]));
    expect([r.applicable, r.missingItems]).toEqual([100, []]);
  });

  it('counts a criterion once when both the duty and a mark make it missing', () => {
    const r = scoreWith((f) => {
      f.profile.duties = ['FOOD'];
      f.missingItemMarks = [{ itemId: '4.15.32.3', justification: '无特种设备' }, { itemId: '4.15.32', justification: '整项缺' }];
    });
    expect(r.applicable).toBe(97.5);
    expect(r.missingItems.map((m) => [m.code, m.reason])).toEqual([
      ['32①', '合理缺项：整项缺'],
      ['32②', '合理缺项：整项缺'],
      ['32③', '未承担特种设备安全监管职责，合理缺项'],
    ]);
  });

  it('re-bases with half-up rounding in integers (98.125 → 98.13)', () => {
    // missing: 5 (3) + 25 (5) + 29 (4) + 38 (3) + 39 (5) = 20 → applicable 80
    // lost: 12 (0.5) + 22② (1) = 1.5 → raw 78.5; 78.5 / 80 × 100 = 98.125 → 98.13
    // (a float Math.round(98.125 * 100) / 100 would give 98.12)
    const r = scoreWith((f) => {
      f.missingItemMarks = ['1.2.5', '3.11.25', '4.14.29', '5.18.38', '5.19.39'].map((itemId) => ({ itemId, justification: '测试' }));
      removeAssessments(f, ['12', '22②']);
    });
    expect([r.raw, r.applicable, r.rebased]).toEqual([78.5, 80, 98.13]);
  });

  it('handles a station where everything is missing', () => {
    const all = getRubricIndex(RUBRIC).thirdLevel.map((t) => ({ itemId: t.id, justification: '测试' }));
    const r = scoreWith((f) => void (f.missingItemMarks = all));
    expect([r.raw, r.applicable, r.rebased, r.stars]).toEqual([0, 0, 0, 0]);
    expect(r.starLevels[0].reason).toBe('全部指标均为合理缺项，无法评定');
    expect(r.rebaseNote).toMatch(/全部评分细则均为合理缺项，无法折算$/);
  });
});

function shuffled(f: StationFacts): StationFacts {
  const rev = <T>(xs: readonly T[]): T[] => [...xs].reverse();
  return {
    ...f,
    profile: { ...f.profile, duties: rev(f.profile.duties), premises: { ...f.profile.premises, rooms: rev(f.profile.premises.rooms) } },
    personnel: rev(f.personnel).map((p) => ({ ...p, trainings: rev(p.trainings), disciplinaryRecords: rev(p.disciplinaryRecords) })),
    equipment: rev(f.equipment),
    cases: rev(f.cases),
    complaintFigures: rev(f.complaintFigures),
    mediationAverages: rev(f.mediationAverages),
    certifications: rev(f.certifications),
    bonusEvents: rev(f.bonusEvents),
    vetoEvents: rev(f.vetoEvents),
    annualReviews: rev(f.annualReviews),
    assessments: rev(f.assessments),
    missingItemMarks: rev(f.missingItemMarks),
  };
}

function busyStation(): StationFacts {
  const f = perfectStation();
  f.bonusEvents = [
    { eventKey: 'K', category: 'AWARD', level: 'PROVINCIAL', date: '2024-01-01', subject: 'COLLECTIVE', description: 'a', points: null },
    { eventKey: 'K', category: 'COMMENDATION', level: 'NATIONAL', date: '2024-01-01', subject: 'P01', description: 'b', points: null },
    { eventKey: 'L', category: 'OTHER', level: 'COUNTY', date: '2025-02-01', subject: 'COLLECTIVE', description: 'c', points: 1.5 },
  ];
  f.vetoEvents = [
    { id: 'V2', kind: 'OTHER', date: '2022-01-01', description: 'old', personExternalId: null, lifted: false },
    { id: 'V1', kind: 'OTHER', date: '2024-01-01', description: 'lifted', personExternalId: null, lifted: true },
  ];
  byId(f, 'P03').disciplinaryRecords = [
    { date: '2020-01-01', kind: '警告', description: 'x' },
    { date: '2019-01-01', kind: '记过', description: 'y' },
  ];
  f.missingItemMarks = [
    { itemId: '1.1.1.2', justification: 'b' },
    { itemId: '1.1.1.2', justification: 'a' },
  ];
  f.complaintFigures = [...f.complaintFigures, { ...f.complaintFigures[0], period: '2024-02' }, { ...f.complaintFigures[0], period: '2024-01' }];
  return f;
}

describe('determinism and the input hash', () => {
  it('gives the same output and hash for the same input', () => {
    const a = scoreStation(busyStation(), context());
    const b = scoreStation(busyStation(), context());
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInputs(busyStation(), context())).toBe(a.inputHash);
  });

  it('ignores the order of every input array', () => {
    const a = scoreStation(busyStation(), context());
    const b = scoreStation(shuffled(busyStation()), context());
    expect(b.inputHash).toBe(a.inputHash);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('changes when any fact, the cut-off or the policy changes', () => {
    const base = hashInputs(busyStation(), context());
    const changed = (mutate: (f: StationFacts) => void) => {
      const f = busyStation();
      mutate(f);
      return hashInputs(f, context());
    };
    expect(changed((f) => void (f.cases = [{ ...f.cases[0], archived: false }, ...f.cases.slice(1)]))).not.toBe(base);
    expect(changed((f) => void (byId(f, 'P03').trainings[0].onlineHours += 1))).not.toBe(base);
    expect(changed((f) => void (f.certifications[0].items['12'] = false))).not.toBe(base);
    expect(changed((f) => void (f.profile.premises.internet = false))).not.toBe(base);
    expect(changed((f) => void (f.assessments = f.assessments.slice(1)))).not.toBe(base);
    expect(changed((f) => void (f.mediationAverages = []))).not.toBe(base);
    expect(hashInputs(busyStation(), context('2025-07-01'))).not.toBe(base);
    expect(hashInputs(busyStation(), context(undefined, { ...POLICY, caseEntryDeadlineDays: 8 }))).not.toBe(base);
    expect(hashInputs(busyStation(), context(undefined, { ...POLICY, id: 'other' }))).not.toBe(base);
    expect(hashInputs(busyStation(), context(undefined, { ...POLICY, levels: [{ ...POLICY.levels[0], threshold: 91 }, ...POLICY.levels.slice(1)] }))).not.toBe(base);
  });

  it('never mutates its inputs and shares no references with them', () => {
    const input = busyStation();
    const before = JSON.stringify(input);
    const frozen = deepFreeze(busyStation());
    const r = scoreStation(frozen, context());
    expect(scoreStation(input, context())).toEqual(r);
    expect(JSON.stringify(input)).toBe(before);
    const withVeto = perfectStation();
    withVeto.vetoEvents = [{ id: 'V', kind: 'OTHER', date: '2025-01-01', description: 'd', personExternalId: null, lifted: false }];
    const vr = scoreStation(withVeto, context());
    vr.blockingVetoes[0].description = 'changed';
    expect(withVeto.vetoEvents[0].description).toBe('d');
  });

  it('keeps a fixed key order', () => {
    const r = scoreWith();
    expect(Object.keys(r)).toEqual([
      'stationCode',
      'rubricVersion',
      'policyId',
      'cutOff',
      'inputHash',
      'raw',
      'applicable',
      'rebased',
      'bonus',
      'total',
      'stars',
      'eligible',
      'blockingVetoes',
      'starLevels',
      'pendingCriteria',
      'missingItems',
      'rebaseNote',
      'indicators',
      'criteria',
      'bonusItems',
    ]);
    expect(Object.keys(r.criteria[0])).toEqual(['id', 'code', 'indicatorId', 'points', 'max', 'source', 'assessed', 'status', 'reason']);
    expect(Object.keys(r.indicators[0])).toEqual(['id', 'code', 'level', 'name', 'points', 'max', 'applicableMax', 'starred']);
    expect(r.criteria.map((c) => c.id)).toEqual(getRubricIndex(RUBRIC).criteria.map((c) => c.id));
    expect(r.indicators.slice(0, 4).map((i) => i.id)).toEqual(['1', '1.1', '1.1.1', '1.2']);
  });

  it('moves with the cut-off date (nightly recomputation)', () => {
    // A year later every 2024 fact is in Y−2 and no 2025 figures exist (after 31 March: not
    // reported): 10①② fail, 29③ still counts (2024 = Y−2)
    const r = scoreStation(perfectStation(), context('2026-06-30'));
    expect(criterion(r, '10①').reason).toBe('2025年度12315投诉数据未报送');
    expect(criterion(r, '29③').points).toBe(1.5);
    expect(criterion(r, '37①').points).toBe(0);
    expect(r.inputHash).not.toBe(scoreWith().inputHash);
  });
});

describe('diffScores', () => {
  it('is empty for identical results', () => {
    expect(diffScores(scoreWith(), scoreWith())).toEqual([]);
  });
  it('lists the criteria whose points changed, in rubric order, with both sides', () => {
    const before = scoreWith();
    const after = scoreWith((f) => {
      byId(f, 'P05').trainings = [];
      removeAssessments(f, ['1②']);
      f.equipment = f.equipment.filter((e) => e.type !== 'HVAC');
    });
    const changes = diffScores(before, after);
    expect(changes.map((c) => [c.code, c.delta, c.before?.status, c.after?.status])).toEqual([
      ['1②', -0.5, 'MET', 'PENDING_ASSESSMENT'],
      ['36①', -0.5, 'MET', 'NOT_MET'],
      ['43③', -0.5, 'MET', 'NOT_MET'],
    ]);
    expect(changes[2].before?.reason).toBe('在用采暖制冷设备 1 套');
    expect(changes[2].after?.reason).toBe('无在用采暖制冷设备');
    expect(diffScores(after, before).map((c) => c.delta)).toEqual([0.5, 0.5, 0.5]);
  });
  it('ignores reason-only changes', () => {
    const before = scoreWith();
    const after = scoreWith((f) => void (f.equipment = [...f.equipment, { externalId: 'H2', type: 'HVAC', quantity: 1, status: 'IN_SERVICE', acquiredOn: null }]));
    expect(criterion(after, '43③').reason).not.toBe(criterion(before, '43③').reason);
    expect(diffScores(before, after)).toEqual([]);
  });
});

describe('validateAssessmentPoints', () => {
  it.each<[string, number, string | null]>([
    ['4.15.32.3', 1, null],
    ['4.15.32.3', 0.5, null],
    ['4.15.32.3', 0, null],
    ['5.19.39.2', 1.5, null],
    ['4.15.32.3', 1.5, 'criterion 32③ (4.15.32.3): points 1.5 outside 0..1'],
    ['4.15.32.3', -0.5, 'criterion 32③ (4.15.32.3): points -0.5 outside 0..1'],
    ['4.15.32.3', 0.25, 'criterion 32③ (4.15.32.3): points 0.25 is not a multiple of 0.5'],
    ['4.15.32.3', Number.NaN, 'criterion 32③ (4.15.32.3): points must be a number'],
    ['32③', 1, 'unknown criterion "32③" in rubric national-2023'],
    ['4.15.32', 1, 'unknown criterion "4.15.32" in rubric national-2023'],
  ])('%s with %p', (id, points, expected) => {
    expect(validateAssessmentPoints(RUBRIC, id, points)).toBe(expected);
  });
});

describe('explainScore', () => {
  it('summarises a result in Chinese lines', () => {
    const r = scoreWith((f) => void (byId(f, 'P05').trainings = []));
    const lines = explainScore(r);
    expect(lines[1]).toBe('基础得分 99.5（原始 99.5/100）+ 加分 0 = 总分 99.5，5星');
    expect(lines).toContain('四、队伍建设 19.5/20');
    expect(lines).toContain('评分细则 121 项：达标 120、部分达标 0、未达标 1、合理缺项 0、待评审 0');
    expect(lines[lines.length - 1]).toMatch(/^36① 0\/0.5：2024年度培训达标/);
  });
});
