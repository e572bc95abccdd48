// Public API of the scoring engine: pure TypeScript, no framework.
export type { Assessment, EvaluationContext, MissingItemMark, StationFactDigests, StationFacts } from './facts.js';
export type {
  BonusItemResult,
  CriterionChange,
  CriterionResult,
  CriterionSnapshot,
  CriterionStatus,
  IndicatorResult,
  MissingItemResult,
  ScoreResult,
  StarLevelResult,
} from './score-result.js';
export { CRITERION_STATUSES } from './score-result.js';
export { scoreStation } from './score.js';
export { hashInputs, INPUT_HASH_FORMAT } from './hash.js';
export { diffScores } from './diff.js';
export { explainScore } from './explain.js';
export { validateAssessmentPoints } from './validate.js';
export { assertUnreachable } from './util.js';
