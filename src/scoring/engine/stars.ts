// Star levels: each policy level is scored over its indicator set (the points earned over
// the applicable maximum of the set's criteria, × 100, rounded half-up to 2 decimals, plus
// the bonus when the level includes it) and passes at or above its threshold. The 5★ level
// also needs a total of at least the note-6 minimum (90), whatever a province sets. The
// station gets the highest level it passes, and none when a veto blocks it.
import type { StarPlan } from './compile.js';
import type { StarLevelResult } from './score-result.js';
import { divRoundHalfUp, fmt } from './util.js';

export interface StarInputs {
  /** Earned half-points per third-level indicator (missing items count 0). */
  thirdPtsH: Int32Array;
  /** Applicable half-points per third-level indicator (missing items left out). */
  thirdAppH: Int32Array;
  /** Totals over the whole rubric. */
  rawH: number;
  applicableH: number;
  bonusH: number;
  /** rebased + bonus, in hundredths. */
  totalHundredths: number;
  eligible: boolean;
  fiveStarMinimum: number;
}

export function evaluateStarLevels(plan: StarPlan, s: StarInputs): StarLevelResult[] {
  const out = new Array<StarLevelResult>(plan.levels.length);
  for (let li = 0; li < plan.levels.length; li++) {
    const level = plan.levels[li];
    let ptsH = 0;
    let appH = 0;
    if (level.all) {
      ptsH = s.rawH;
      appH = s.applicableH;
    } else {
      const thirds = level.thirds;
      for (let i = 0; i < thirds.length; i++) {
        ptsH += s.thirdPtsH[thirds[i]];
        appH += s.thirdAppH[thirds[i]];
      }
    }
    const label = level.label;
    if (appH === 0) {
      out[li] = { stars: level.stars, threshold: level.threshold, score: 0, passed: false, reason: `${label}均为合理缺项，无法评定` };
      continue;
    }
    const base = divRoundHalfUp(ptsH * 10000, appH);
    const withBonus = level.includeBonus && s.bonusH > 0;
    const score = base + (level.includeBonus ? s.bonusH * 50 : 0);
    const reachesThreshold = score >= level.thresholdH;
    const minimumH = s.fiveStarMinimum * 100;
    const reachesMinimum = level.stars !== 5 || s.totalHundredths >= minimumH;
    const passed = s.eligible && reachesThreshold && reachesMinimum;
    let reason =
      `${label}得分 ${fmt(ptsH / 2)}/${fmt(appH / 2)}，折算 ${fmt(base / 100)}` +
      (withBonus ? ` + 加分 ${fmt(s.bonusH / 2)} = ${fmt(score / 100)}` : '') +
      ` ${reachesThreshold ? '≥' : '<'} ${fmt(level.threshold)}`;
    if (reachesThreshold && !reachesMinimum) reason += `，但总分 ${fmt(s.totalHundredths / 100)} 未达${fmt(s.fiveStarMinimum)}分（说明6）`;
    if (!s.eligible) reason += '，存在否定项，不能参加等级评定';
    else reason += passed ? `，达到${level.stars}星` : `，未达到${level.stars}星`;
    out[li] = { stars: level.stars, threshold: level.threshold, score: score / 100, passed, reason };
  }
  return out;
}
