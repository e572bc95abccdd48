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
 * One stored digest for a whole collection of a station's rows (StationFactDigests).
 * `digest` is `collectionDigest(rowDigests)` (collection-digest.ts): sha256 over the
 * collection's row digests in code-unit order, joined by '\n'; `rows` is how many rows it
 * covers (0 for an empty collection, whose digest is that of no rows).
 */
export interface CollectionDigest {
  readonly rows: number;
  readonly digest: string;
}

/**
 * Stored digests behind the facts, so the input hash need not serialise every row again on
 * every evaluation: one digest per collection (the service keeps a digest of every pushed
 * row and combines them per station and collection when it loads the facts).
 *
 * Contract, for every collection given here:
 * - `digest` is collectionDigest() over one row digest per row of that collection, and
 *   `rows` is the number of rows (a count that differs from the collection's length is
 *   ignored rather than trusted: the collection is then serialised row by row);
 * - a row digest determines every field of its row that the engine reads (the profile's, a
 *   person's including their trainings and disciplinary records, a case's, …): two rows
 *   with the same digest must be the same row to the engine. The caller guarantees this;
 *   the engine cannot check it, and a digest that misses a field makes the hash miss a
 *   change of that field (a skipped recomputation);
 * - veto events: the stored content digest does not cover the id or the lifted state, so
 *   a veto's row digest is `${id}:${contentDigest}:${lifted}`;
 * - row digests are ASCII without '\n' (hex, ids, ':'), so code-unit order is byte order
 *   (PostgreSQL's COLLATE "C") and the joined text is unambiguous.
 *
 * A collection whose digest is given replaces its rows in the hash by its row count and
 * collection digest; a collection without one is serialised row by row. Assessments,
 * missing-item marks, mediation averages, annual reviews without a digest, the station
 * code, the cut-off, the rubric version and the star policy are always serialised. The
 * same facts hash differently with and without digests (INPUT_HASH_FORMAT 5 with any
 * digest, SERIALISED_INPUT_HASH_FORMAT 4 without); each form is deterministic and
 * independent of the order of the rows.
 */
export interface StationFactDigests {
  /** The profile's row digest (one row). */
  profile?: string;
  personnel?: CollectionDigest;
  equipment?: CollectionDigest;
  cases?: CollectionDigest;
  complaintFigures?: CollectionDigest;
  certifications?: CollectionDigest;
  bonusEvents?: CollectionDigest;
  vetoEvents?: CollectionDigest;
  annualReviews?: CollectionDigest;
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
  /** Stored collection digests used by the input hash instead of the rows (see StationFactDigests). */
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
