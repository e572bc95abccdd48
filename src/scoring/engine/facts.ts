// What the engine reads: everything known about one station at evaluation time, plus the
// evaluation context (cut-off date, rubric, star policy). Plain data, never mutated.
import type {
  AnnualReview,
  BonusEvent,
  Certification,
  ComplaintFigures,
  EnforcementCase,
  Equipment,
  IsoDate,
  MediationAverage,
  Person,
  StationProfile,
  VetoEvent,
} from '../../domain/station-data.js';
import type { Rubric } from '../../rubric/model/rubric.js';
import type { StarPolicy } from '../../rubric/model/star-policy.js';

/** A reviewer's score for one criterion; it overrides the criterion's declared source. */
export interface Assessment {
  criterionId: string;
  points: number;
  note: string;
}

/** A reasonable missing item (合理缺项, note 4) marked by a reviewer. */
export interface MissingItemMark {
  /** A criterion id, or a third-level indicator id meaning all its criteria. */
  itemId: string;
  justification: string;
}

/**
 * Stored digests of the rows behind the facts, so the input hash need not serialise every
 * row again on every evaluation (the service keeps a digest of every pushed row).
 *
 * Contract, for every collection given here:
 * - one digest per row of that collection (same length; any order: the hash sorts them);
 * - a digest determines every field of its row that the engine reads (the profile's, a
 *   person's including their trainings and disciplinary records, a case's, …): two rows
 *   with the same digest must be the same row to the engine. The caller guarantees this;
 *   the engine cannot check it, and a digest that misses a field makes the hash miss a
 *   change of that field (a skipped recomputation).
 * - veto events: the stored content digest does not cover the id or the lifted state, so
 *   the caller supplies `${id}:${contentDigest}:${lifted}`.
 *
 * A collection whose digests are given replaces its rows in the hash by the sorted
 * digests; a collection without digests (or with a digest count that does not match its
 * rows, which is ignored rather than trusted) is serialised row by row. Assessments,
 * missing-item marks, mediation averages, the station code, the cut-off, the rubric
 * version and the star policy are always serialised. The same facts hash differently with
 * and without digests; each form is deterministic and independent of the order of rows
 * and digests.
 */
export interface StationFactDigests {
  profile?: string;
  personnel?: readonly string[];
  equipment?: readonly string[];
  cases?: readonly string[];
  complaintFigures?: readonly string[];
  certifications?: readonly string[];
  bonusEvents?: readonly string[];
  vetoEvents?: readonly string[];
  annualReviews?: readonly string[];
}

export interface StationFacts {
  code: string;
  profile: StationProfile;
  personnel: readonly Person[];
  equipment: readonly Equipment[];
  cases: readonly EnforcementCase[];
  complaintFigures: readonly ComplaintFigures[];
  mediationAverages: readonly MediationAverage[];
  certifications: readonly Certification[];
  bonusEvents: readonly BonusEvent[];
  vetoEvents: readonly VetoEvent[];
  annualReviews: readonly AnnualReview[];
  assessments: readonly Assessment[];
  missingItemMarks: readonly MissingItemMark[];
  /** Stored row digests used by the input hash instead of the rows (see StationFactDigests). */
  digests?: StationFactDigests;
}

/** What makes a rating round's evaluation differ from the rolling one. */
export interface RoundEvaluation {
  /** The case sample of 7④ and 8 (default: the rubric's caseSampleMonths ending with R's month). */
  caseSampleFrom: IsoDate;
  caseSampleTo: IsoDate;
}

export interface EvaluationContext {
  /** Cut-off date R: every window ends on it, inclusive. */
  cutOff: IsoDate;
  rubric: Rubric;
  policy: StarPolicy;
  /**
   * Set for a rating round's evaluation: its case-sample window, and no fallback to an
   * earlier year for figures not reported yet. Absent: the rolling evaluation (R = today).
   */
  round?: RoundEvaluation;
}
