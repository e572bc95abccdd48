// Synthetic reviewer assessments (评审评分) for the criteria that need human judgement, so
// that demo data and benchmarks show a realistic spread of stars instead of stations whose
// 77 assessed criteria are all pending. Deterministic for (seed, station code).
import type { StationBundle } from '../domain/station-data.js';
import { getRubricIndex, type Rubric } from '../rubric/index.js';
import type { Assessment } from '../scoring/engine/index.js';
import { Rng, seedKey } from './random.js';

const FULL_NOTES = ['现场核查：符合要求', '材料齐全，执行到位', '台账规范，记录完整', '查阅记录，落实到位'];
const PARTIAL_NOTES = ['部分材料缺失，酌情扣分', '记录不够完整，扣减部分分值', '执行不够规范，部分得分'];
const NONE_NOTES = ['未提供相关材料', '现场核查未落实'];

/**
 * One assessment per ASSESSED criterion: a station draws a diligence between 0.55 and 1;
 * each criterion then gets full points with that probability, otherwise half (rounded down
 * to 0.5) or nothing. Stations end up between about 70 and 100 points.
 */
export function generateReviewerAssessments(bundle: StationBundle, rubric: Rubric, seed: number | string): Assessment[] {
  const rng = new Rng(`${seedKey(seed)}:assessments:${bundle.code}`);
  const diligence = 0.55 + 0.45 * ((rng.next() + rng.next() + rng.next()) / 3);
  return getRubricIndex(rubric)
    .criteria.filter((criterion) => criterion.source === 'ASSESSED')
    .map((criterion) => {
      const roll = rng.next();
      if (roll < diligence) return { criterionId: criterion.id, points: criterion.points, note: pick(rng, FULL_NOTES) };
      // About half the points, on the 0.5 grid (a 0.5-point criterion has no half).
      const partial = Math.floor(criterion.points) / 2;
      const points = roll < diligence + (1 - diligence) * 0.6 ? partial : 0;
      return { criterionId: criterion.id, points, note: pick(rng, points > 0 ? PARTIAL_NOTES : NONE_NOTES) };
    });
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)];
}
