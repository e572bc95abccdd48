// Bonus items (windows, table, same event once, cap) and veto events.
// R = 2025-06-30: 近5年 = [2020-06-30, 2025-06-30], 近2年 = [2023-06-30, 2025-06-30].
import type { BonusEvent, VetoEvent } from '../../../domain/station-data.js';
import { BONUS_LEVELS, type BonusCategory, type BonusLevel } from '../../../domain/vocabulary.js';
import { scoreWith } from './support/perfect-station.js';

function bonus(eventKey: string, category: BonusCategory, level: BonusLevel, date: string, points: number | null = null): BonusEvent {
  return { eventKey, category, level, date, subject: 'COLLECTIVE', description: eventKey, points };
}
const withBonus = (...events: BonusEvent[]) => scoreWith((f) => void (f.bonusEvents = events));

describe('bonus table (transcribed from the document and note 12)', () => {
  const TABLE: Record<Exclude<BonusCategory, 'OTHER'>, [number, number, number, number]> = {
    AWARD: [5, 4, 3, 0],
    COMMENDATION: [3, 3, 2, 0],
    INNOVATION_ADOPTED: [3, 3, 2, 1],
    TALENT_POOL: [2, 2, 1, 0],
    TYPICAL_CASE: [3, 3, 2, 0],
    EXPERIENCE_SHARING: [2, 2, 1, 0],
    COMPETITION_TOP3: [2, 2, 1, 0],
  };
  const rows = Object.entries(TABLE).flatMap(([cat, pts]) => BONUS_LEVELS.map((lvl, i) => [cat as BonusCategory, lvl, pts[i]] as const));
  it.each(rows)('%s at %s level is worth %p', (category, level, points) => {
    const r = withBonus(bonus('K', category, level, '2025-01-01'));
    expect(r.bonus).toBe(points);
    expect(r.bonusItems).toHaveLength(1);
    expect(r.bonusItems[0]).toMatchObject({ points, counted: points > 0 });
    if (points === 0) expect(r.bonusItems[0].reason).toContain('该级别不在加分表内，不计');
  });
});

describe('bonus windows', () => {
  it.each<[string, BonusEvent, number]>([
    ['award on the 5-year window start 2020-06-30', bonus('A', 'AWARD', 'NATIONAL', '2020-06-30'), 5],
    ['award one day earlier', bonus('A', 'AWARD', 'NATIONAL', '2020-06-29'), 0],
    ['award on R', bonus('A', 'AWARD', 'MUNICIPAL', '2025-06-30'), 3],
    ['award after R', bonus('A', 'AWARD', 'NATIONAL', '2025-07-01'), 0],
    ['commendation on the 2-year window start 2023-06-30', bonus('C', 'COMMENDATION', 'PROVINCIAL', '2023-06-30'), 3],
    ['commendation one day earlier (inside 5 years, but its window is 2)', bonus('C', 'COMMENDATION', 'PROVINCIAL', '2023-06-29'), 0],
  ])('%s', (_n, event, points) => {
    const r = withBonus(event);
    expect(r.bonus).toBe(points);
    expect(r.bonusItems[0].counted).toBe(points > 0);
  });

  it('explains why an event is outside', () => {
    expect(withBonus(bonus('C', 'COMMENDATION', 'PROVINCIAL', '2023-06-29')).bonusItems[0].reason).toBe(
      '(2)通报表扬·省级 3分，不在近2年内，不计',
    );
    expect(withBonus(bonus('A', 'AWARD', 'NATIONAL', '2025-07-01')).bonusItems[0].reason).toBe('(1)表彰奖励·国家级 5分，日期晚于截止日，不计');
    expect(withBonus(bonus('A', 'AWARD', 'NATIONAL', '2021-01-01')).bonusItems[0].reason).toBe('(1)表彰奖励·国家级 5分，近5年内，计入');
  });
});

describe('other bonus situations (8) carry their own points', () => {
  it.each<[number | null, number, string]>([
    [1.5, 1.5, '(8)其他加分情形·县级 1.5分，近2年内，计入'],
    [10, 10, '(8)其他加分情形·县级 10分，近2年内，计入'],
    [null, 0, '(8)其他加分情形·县级：未给出分值，不计'],
    [0.3, 0, '(8)其他加分情形·县级：分值 0.3 无效（应为0至10、0.5的整数倍），不计'],
    [10.5, 0, '(8)其他加分情形·县级：分值 10.5 无效（应为0至10、0.5的整数倍），不计'],
    [-1, 0, '(8)其他加分情形·县级：分值 -1 无效（应为0至10、0.5的整数倍），不计'],
  ])('points %p → %p', (points, expected, reason) => {
    const r = withBonus(bonus('O', 'OTHER', 'COUNTY', '2025-01-01', points));
    expect(r.bonus).toBe(expected);
    expect(r.bonusItems[0].reason).toBe(reason);
  });
  it('ignores points given for a table category', () => {
    expect(withBonus(bonus('T', 'TALENT_POOL', 'MUNICIPAL', '2025-01-01', 9)).bonus).toBe(1);
  });
});

describe('same event once (note 5)', () => {
  it('keeps the highest-point instance of a key', () => {
    const r = withBonus(bonus('K', 'COMMENDATION', 'NATIONAL', '2024-01-01'), bonus('K', 'AWARD', 'PROVINCIAL', '2024-03-01'));
    expect(r.bonus).toBe(4);
    expect(r.bonusItems.map((i) => [i.category, i.points, i.counted])).toEqual([
      ['COMMENDATION', 3, false],
      ['AWARD', 4, true],
    ]);
    expect(r.bonusItems[0].reason).toBe('(2)通报表扬·国家级 3分，同一事项只加一次，不计');
  });
  it('keeps the earliest of equal instances', () => {
    const r = withBonus(bonus('K', 'TYPICAL_CASE', 'MUNICIPAL', '2024-05-01'), bonus('K', 'TYPICAL_CASE', 'MUNICIPAL', '2024-02-01'));
    expect(r.bonus).toBe(2);
    expect(r.bonusItems.map((i) => [i.date, i.counted])).toEqual([
      ['2024-02-01', true],
      ['2024-05-01', false],
    ]);
  });
  it('lets an in-window instance count when the higher one is out of its window', () => {
    const r = withBonus(bonus('K', 'COMMENDATION', 'NATIONAL', '2022-01-01'), bonus('K', 'COMMENDATION', 'MUNICIPAL', '2024-01-01'));
    expect(r.bonus).toBe(2);
  });
  it('does not dedupe different keys', () => {
    expect(withBonus(bonus('K1', 'TALENT_POOL', 'PROVINCIAL', '2024-01-01'), bonus('K2', 'TALENT_POOL', 'PROVINCIAL', '2024-01-01')).bonus).toBe(4);
  });
});

describe('bonus cap of 10 (note 5)', () => {
  it('caps the sum and lists every item', () => {
    // 5 + 5 = 10, then 3 more: capped
    const r = withBonus(bonus('A1', 'AWARD', 'NATIONAL', '2022-01-01'), bonus('A2', 'AWARD', 'NATIONAL', '2023-01-01'), bonus('C', 'COMMENDATION', 'PROVINCIAL', '2024-01-01'));
    expect(r.bonus).toBe(10);
    expect(r.bonusItems.map((i) => i.counted)).toEqual([true, true, false]);
    expect(r.bonusItems[2].reason).toBe('(2)通报表扬·省级 3分，已达累计封顶10分，不计');
  });
  it('counts part of the event that crosses the cap', () => {
    // 5 + 4 = 9, then 3: only 1 more counts
    const r = withBonus(bonus('A1', 'AWARD', 'NATIONAL', '2022-01-01'), bonus('A2', 'AWARD', 'PROVINCIAL', '2023-01-01'), bonus('C', 'COMMENDATION', 'PROVINCIAL', '2024-01-01'));
    expect(r.bonus).toBe(10);
    expect(r.bonusItems[2]).toMatchObject({ counted: true, points: 3, reason: '(2)通报表扬·省级 3分，累计封顶10分，仅计 1 分' });
    expect(r.total).toBe(110);
  });
  it('stays below the cap when the sum is below it', () => {
    expect(withBonus(bonus('A1', 'AWARD', 'NATIONAL', '2022-01-01'), bonus('A2', 'AWARD', 'PROVINCIAL', '2023-01-01')).bonus).toBe(9);
  });
});

describe('vetoes (note 7): active, lifted, in and out of the 2-year window', () => {
  const veto = (id: string, date: string, lifted = false): VetoEvent => ({ id, kind: 'STAFF_DISCIPLINED', date, description: '工作人员受到政务处分', personExternalId: 'P03', lifted });
  const withVetoes = (...v: VetoEvent[]) => scoreWith((f) => void (f.vetoEvents = v));

  it.each<[string, VetoEvent, boolean]>([
    ['active, in the window', veto('V1', '2025-01-01'), false],
    ['active, on the window start 2023-06-30', veto('V1', '2023-06-30'), false],
    ['active, on R', veto('V1', '2025-06-30'), false],
    ['active, one day before the window', veto('V1', '2023-06-29'), true],
    ['active, after R', veto('V1', '2025-07-01'), true],
    ['lifted, in the window', veto('V1', '2025-01-01', true), true],
  ])('%s → eligible %p', (_n, v, eligible) => {
    const r = withVetoes(v);
    expect(r.eligible).toBe(eligible);
    expect(r.stars).toBe(eligible ? 5 : 0);
    expect(r.blockingVetoes).toEqual(eligible ? [] : [v]);
    expect(r.total).toBe(100); // the score itself is untouched
  });

  it('lists only the blocking ones, oldest first, and blocks every level', () => {
    const r = withVetoes(veto('V9', '2025-02-01'), veto('V2', '2024-01-01', true), veto('V3', '2024-05-01'));
    expect(r.blockingVetoes.map((v) => v.id)).toEqual(['V3', 'V9']);
    expect(r.starLevels.map((l) => l.passed)).toEqual([false, false, false]);
    expect(r.starLevels[0].reason).toBe('全部指标得分 100/100，折算 100 ≥ 90，存在否定项，不能参加等级评定');
  });
});
