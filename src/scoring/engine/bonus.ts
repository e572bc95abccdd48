// 加分项目: each event is worth the points of its category and level (rubric data); it
// counts when dated in [addYears(R, −window), R] (5 years for awards, 2 otherwise, note 10);
// the same eventKey counts once, keeping its highest-point instance (note 5); the sum is
// capped at 10 (note 5). Every event is listed with the reason it counts or not. Reasons name
// a window by its length (近5年, 近2年), never by its dates or the cut-off's, so they change
// only when an event's standing changes.
//
// Interpretations decided for this product:
// - Duplicates are resolved among the events that would count (in window, worth > 0);
//   ties keep the earliest (canonical order: date, then eventKey).
// - The cap is filled in chronological order: the event that crosses it still counts
//   (only part of it is needed) and later events are listed as counted:false.
// - OTHER events carry their own points (0..10 in steps of 0.5); missing or invalid
//   points → 0 with a reason. A level a category's table gives 0 does not count.
import type { BonusEvent, IsoDate } from '../../domain/station-data.js';
import type { BonusCategory, BonusLevel } from '../../domain/vocabulary.js';
import type { BonusCategoryRule, BonusRules } from '../../rubric/model/rubric.js';
import type { BonusItemResult } from './score-result.js';
import { fmt, isHalfStep, toHalf } from './util.js';
import { describeWindow, inWindow, windowFrom } from './windows.js';

const CATEGORY_LABEL: Readonly<Record<BonusCategory, string>> = {
  AWARD: '表彰奖励',
  COMMENDATION: '通报表扬',
  INNOVATION_ADOPTED: '首创做法获肯定或推广',
  TALENT_POOL: '入选人才库',
  TYPICAL_CASE: '作为典型案例发布',
  EXPERIENCE_SHARING: '经验交流、典型发言、专题授课',
  COMPETITION_TOP3: '业务竞赛、练兵比武前3名',
  OTHER: '其他加分情形',
};
const LEVEL_LABEL: Readonly<Record<BonusLevel, string>> = { NATIONAL: '国家级', PROVINCIAL: '省级', MUNICIPAL: '市级', COUNTY: '县级' };

export interface BonusOutcome {
  /** Half-points after dedupe and cap. */
  bonusH: number;
  items: BonusItemResult[];
}

interface Valued {
  event: BonusEvent;
  label: string;
  valueH: number;
  /** Why it is worth nothing, or null. */
  worthless: string | null;
  windowText: string;
  inWindow: boolean;
  afterCutOff: boolean;
}

function value(event: BonusEvent, rule: BonusCategoryRule | undefined): { valueH: number; worthless: string | null } {
  if (rule === undefined) return { valueH: 0, worthless: '未知加分类别，不计' };
  const p = rule.points;
  if (p.kind === 'TABLE') {
    const pts = p.byLevel[event.level] ?? 0;
    return pts > 0 ? { valueH: toHalf(pts), worthless: null } : { valueH: 0, worthless: '该级别不在加分表内，不计' };
  }
  const pts = event.points;
  if (pts === null || pts === undefined) return { valueH: 0, worthless: '未给出分值，不计' };
  if (typeof pts !== 'number' || !Number.isFinite(pts) || !Number.isInteger(pts / p.step) || !isHalfStep(pts) || pts < p.min || pts > p.max) {
    return { valueH: 0, worthless: `分值 ${String(pts)} 无效（应为${p.min}至${p.max}、${p.step}的整数倍），不计` };
  }
  return pts > 0 ? { valueH: toHalf(pts), worthless: null } : { valueH: 0, worthless: '分值为0，不计' };
}

const CATEGORIES = new WeakMap<BonusRules, ReadonlyMap<string, BonusCategoryRule>>();

export function scoreBonus(events: readonly BonusEvent[], rules: BonusRules, cutOff: IsoDate): BonusOutcome {
  if (events.length === 0) return { bonusH: 0, items: [] };
  let byCategory = CATEGORIES.get(rules);
  if (byCategory === undefined) CATEGORIES.set(rules, (byCategory = new Map(rules.categories.map((c) => [c.category, c]))));
  const valued: Valued[] = events.map((event) => {
    const rule = byCategory.get(event.category);
    const years = rule?.windowYears ?? 2;
    const { valueH, worthless } = value(event, rule);
    return {
      event,
      label: `(${rule?.number ?? '?'})${CATEGORY_LABEL[event.category] ?? event.category}·${LEVEL_LABEL[event.level] ?? event.level}`,
      valueH,
      worthless,
      windowText: describeWindow(years),
      inWindow: inWindow(event.date, windowFrom(cutOff, years), cutOff),
      afterCutOff: event.date > cutOff,
    };
  });

  // same event once: among the events that would count, keep the highest value per key
  const keeper = new Map<string, number>();
  valued.forEach((v, i) => {
    if (!v.inWindow || v.valueH === 0) return;
    const k = keeper.get(v.event.eventKey);
    if (k === undefined || valued[k].valueH < v.valueH) keeper.set(v.event.eventKey, i);
  });

  const capH = toHalf(rules.cap);
  let sumH = 0;
  const items: BonusItemResult[] = valued.map((v, i) => {
    const e = v.event;
    const pts = v.valueH / 2;
    const head = `${v.label} ${fmt(pts)}分`;
    let counted = false;
    let reason: string;
    if (v.worthless !== null) reason = `${v.label}：${v.worthless}`;
    else if (v.afterCutOff) reason = `${head}，日期晚于截止日，不计`;
    else if (!v.inWindow) reason = `${head}，不在${v.windowText}内，不计`;
    else if (rules.sameEventOnce && keeper.get(e.eventKey) !== i) reason = `${head}，同一事项只加一次，不计`;
    else if (sumH >= capH) reason = `${head}，已达累计封顶${fmt(rules.cap)}分，不计`;
    else {
      counted = true;
      if (sumH + v.valueH > capH) {
        reason = `${head}，累计封顶${fmt(rules.cap)}分，仅计 ${fmt((capH - sumH) / 2)} 分`;
        sumH = capH;
      } else {
        sumH += v.valueH;
        reason = `${head}，${v.windowText}内，计入`;
      }
    }
    return { eventKey: e.eventKey, category: e.category, level: e.level, date: e.date, points: pts, counted, reason };
  });
  return { bonusH: Math.min(sumH, capH), items };
}
