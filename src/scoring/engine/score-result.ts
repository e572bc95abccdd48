// The engine's output: totals, star levels, and an explanation for every indicator,
// criterion and bonus item. Key order and array order are fixed (criteria in rubric order).
import type { BonusCategory, BonusLevel } from '../../domain/vocabulary.js';
import type { IsoDate, VetoEvent } from '../../domain/station-data.js';
import type { CriterionSource } from '../../rubric/model/rubric.js';
import type { StarCount } from '../../rubric/model/star-policy.js';

export const CRITERION_STATUSES = ['MET', 'PARTLY_MET', 'NOT_MET', 'MISSING_ITEM', 'PENDING_ASSESSMENT'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export interface CriterionResult {
  id: string;
  code: string;
  indicatorId: string;
  points: number;
  max: number;
  /** The criterion's declared source. */
  source: CriterionSource;
  /** True when a reviewer's assessment overrode the source. */
  assessed: boolean;
  status: CriterionStatus;
  /** One line of Chinese built from the inputs. */
  reason: string;
}

export interface IndicatorResult {
  id: string;
  code: string;
  level: 1 | 2 | 3;
  name: string;
  points: number;
  max: number;
  /** max minus the missing items under it. */
  applicableMax: number;
  /** ※ (third-level only). */
  starred: boolean;
}

export interface StarLevelResult {
  stars: StarCount;
  threshold: number;
  score: number;
  passed: boolean;
  reason: string;
}

export interface MissingItemResult {
  /** Criterion id. */
  id: string;
  code: string;
  max: number;
  reason: string;
}

export interface BonusItemResult {
  eventKey: string;
  category: BonusCategory;
  level: BonusLevel;
  date: IsoDate;
  /** What the event is worth by the bonus table (before dedupe and cap). */
  points: number;
  counted: boolean;
  reason: string;
}

export interface ScoreResult {
  stationCode: string;
  rubricVersion: string;
  policyId: string;
  cutOff: IsoDate;
  inputHash: string;
  /** Points earned on applicable criteria, no bonus. */
  raw: number;
  /** 100 minus the max points of missing items. */
  applicable: number;
  /** raw / applicable × 100, rounded half-up to 2 decimals. */
  rebased: number;
  /** After dedupe and cap. */
  bonus: number;
  /** rebased + bonus. */
  total: number;
  /** 0 = no star level reached, or ineligible. */
  stars: 0 | StarCount;
  eligible: boolean;
  /** Active vetoes in the window. */
  blockingVetoes: VetoEvent[];
  /** Every level of the policy, highest first. */
  starLevels: StarLevelResult[];
  /** Ids of criteria waiting for a reviewer. */
  pendingCriteria: string[];
  missingItems: MissingItemResult[];
  rebaseNote: string | null;
  /** Every first-, second- and third-level indicator, depth first in rubric order. */
  indicators: IndicatorResult[];
  /** All criteria in rubric order. */
  criteria: CriterionResult[];
  bonusItems: BonusItemResult[];
}

/** A criterion whose points differ between two results. */
export interface CriterionChange {
  criterionId: string;
  code: string;
  /** null when the criterion exists only on the other side (different rubric versions). */
  before: CriterionSnapshot | null;
  after: CriterionSnapshot | null;
  /** after.points - before.points (a missing side counts as 0). */
  delta: number;
}

export interface CriterionSnapshot {
  points: number;
  max: number;
  status: CriterionStatus;
  assessed: boolean;
  reason: string;
}
