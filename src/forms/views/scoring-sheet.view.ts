import type { Rubric } from '../../rubric/model/rubric.js';
import type { ScoreResult } from '../../scoring/engine/score-result.js';
import type { FormEvaluation, FormStation } from './common.js';

/** A declared reasonable missing item as 提供材料目录 prints it. */
export interface DeclaredMissingItemLine {
  readonly duty: string;
  readonly reason: string;
  /** null: not decided yet. */
  readonly decision: { readonly accepted: boolean; readonly reason: string } | null;
}

/**
 * 附件1 评分表 of one station: the rubric's table with the score of one evaluation.
 * Live: the current score and no materials. Round: the frozen result, and the titles of
 * the materials the application provided per criterion.
 */
export interface ScoringSheetView {
  readonly station: FormStation;
  readonly evaluation: FormEvaluation;
  readonly rubric: Rubric;
  /** The engine's result; its cut-off, input hash, missing items and reasons are printed. */
  readonly score: ScoreResult;
  /** resultDigest() of the score, as the service stores it (src/scoring/result-digest.ts). */
  readonly resultDigest: string;
  /** 提供材料目录: material titles by criterion id; empty for a live evaluation. */
  readonly materials: ReadonlyMap<string, readonly string[]>;
  /**
   * A round's declared 合理缺项 by criterion id (a declaration on a third-level indicator
   * is listed under each of its criteria), with the reviewer's decision where one exists.
   * Absent for a live evaluation (its missing items are the score's own).
   */
  readonly declaredMissingItems?: ReadonlyMap<string, DeclaredMissingItemLine>;
  readonly generatedAt: Date;
  /** Time zone of the printed times. */
  readonly timeZone: string;
}
