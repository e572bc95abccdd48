// Validation helpers for callers that accept reviewer input.
import { getRubricIndex } from '../../rubric/index.js';
import type { Rubric } from '../../rubric/model/rubric.js';
import { fmt, isHalfStep } from './util.js';

/** null when `points` is a valid assessment of the criterion (0..max in steps of 0.5), else why not. */
export function validateAssessmentPoints(rubric: Rubric, criterionId: string, points: number): string | null {
  const criterion = getRubricIndex(rubric).criterionById.get(criterionId);
  if (criterion === undefined) return `unknown criterion "${criterionId}" in rubric ${rubric.version}`;
  const where = `criterion ${criterion.code} (${criterion.id})`;
  if (typeof points !== 'number' || !Number.isFinite(points)) return `${where}: points must be a number`;
  if (points < 0 || points > criterion.points) return `${where}: points ${points} outside 0..${fmt(criterion.points)}`;
  if (!isHalfStep(points)) return `${where}: points ${points} is not a multiple of 0.5`;
  return null;
}
