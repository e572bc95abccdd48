// Public API of the scoring engine: pure TypeScript, no framework.
export type { Assessment, CollectionDigest, EvaluationContext, MissingItemMark, StationFactDigests, StationFacts } from './facts.js';
export { collectionDigest } from './collection-digest.js';
export type { CriterionResult, IndicatorResult, ScoreResult } from './score-result.js';
export { scoreStation } from './score.js';
export { hashInputs } from './hash.js';
export { diffScores } from './diff.js';
export { explainScore } from './explain.js';
export { validateAssessmentPoints } from './validate.js';
