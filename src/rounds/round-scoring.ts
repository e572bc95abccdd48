// Scoring an application in its round, purely: the frozen facts, with the round's own
// reviews, inspections and missing-item decisions in place of the live assessments and
// marks, under the round's cut-off, case sample, rubric version and frozen star policy.
// The loader that reads the overlay is round-overlay.ts.
import { addYears, yearOf } from '../domain/dates.js';
import type { Certification, CertificationItems, IsoDate, VetoEvent } from '../domain/station-data.js';
import { getRubric } from '../rubric/index.js';
import type { StarPolicy } from '../rubric/model/star-policy.js';
import { scoreStation, type Assessment, type EvaluationContext, type MissingItemMark, type ScoreResult } from '../scoring/engine/index.js';
import type { DeclaredMissingItem, RoundCertification } from './round-application.entity.js';
import { thawFacts, type StationFactsJson } from './round-facts.js';
import type { InspectionAdjustment } from './round-review.entities.js';
import { levelStars, type RoundLevel } from './round-status.js';

/** What of the round the score depends on (a RatingRoundRecord fits). */
export interface RoundScoringTerms {
  level: RoundLevel;
  cutOff: IsoDate;
  caseSampleFrom: IsoDate;
  caseSampleTo: IsoDate;
  rubricVersion: string;
  starPolicy: StarPolicy;
}

/** What of the application the score depends on (a RoundApplicationRecord fits once submitted). */
export interface ApplicationScoringTerms {
  stationCode: string;
  frozenFacts: StationFactsJson | null;
  missingItems: readonly DeclaredMissingItem[];
  certification: RoundCertification | null;
}

/** The round's own review data of one application, plus the live vetoes in the round's window. */
export interface RoundOverlay {
  /** round_criterion_review rows. */
  reviews: readonly { criterionId: string; points: number; note: string }[];
  /** round_inspection rows, any order (the latest by date, then recording time, wins). */
  inspections: readonly { date: IsoDate; recordedAt: Date; adjustments: readonly InspectionAdjustment[] }[];
  /** round_missing_item_decision rows. */
  missingItemDecisions: readonly { itemId: string; accepted: boolean }[];
  /** Live veto_event rows of the station dated in the round's veto window (vetoWindow). */
  liveVetoes: readonly VetoEvent[];
}

export const EMPTY_OVERLAY: RoundOverlay = { reviews: [], inspections: [], missingItemDecisions: [], liveVetoes: [] };

/** The window whose veto events block a station in the round: 近2年 ending on the cut-off. */
export function vetoWindow(round: Pick<RoundScoringTerms, 'cutOff' | 'rubricVersion'>): { from: IsoDate; to: IsoDate } {
  const years = getRubric(round.rubricVersion).parameters.defaultWindowYears;
  return { from: addYears(round.cutOff, -years), to: round.cutOff };
}

/** The engine's context for a round: its cut-off, rubric, frozen policy and case sample. */
export function roundContext(round: RoundScoringTerms): EvaluationContext {
  return {
    cutOff: round.cutOff,
    rubric: getRubric(round.rubricVersion),
    policy: round.starPolicy,
    round: { caseSampleFrom: round.caseSampleFrom, caseSampleTo: round.caseSampleTo },
  };
}

/** The application's score in its round; throws when it has no frozen facts (never submitted). */
export function scoreApplication(round: RoundScoringTerms, application: ApplicationScoringTerms, overlay: RoundOverlay): ScoreResult {
  if (application.frozenFacts === null) throw new Error(`application of ${application.stationCode} has no frozen facts: it was never submitted`);
  const facts = thawFacts(application.frozenFacts);
  return scoreStation(
    {
      ...facts,
      assessments: roundAssessments(overlay),
      missingItemMarks: roundMissingItemMarks(application.missingItems, overlay.missingItemDecisions),
      vetoEvents: mergeVetoes(facts.vetoEvents, overlay.liveVetoes),
      certifications: application.certification === null ? facts.certifications : [roundCertification(application.certification, round.cutOff)],
    },
    roundContext(round),
  );
}

/** True when the result reaches the round's level (5★, 4★ or 3★) under the frozen policy. */
export function isAwarded(result: Pick<ScoreResult, 'stars' | 'eligible'>, level: RoundLevel): boolean {
  return result.eligible && result.stars >= levelStars(level);
}

/** Reviews, with each criterion's points taken from the latest inspection adjusting it. */
export function roundAssessments(overlay: Pick<RoundOverlay, 'reviews' | 'inspections'>): Assessment[] {
  const byCriterion = new Map<string, Assessment>();
  for (const r of overlay.reviews) byCriterion.set(r.criterionId, { criterionId: r.criterionId, points: r.points, note: r.note });
  const inspections = [...overlay.inspections].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.recordedAt.getTime() - b.recordedAt.getTime()));
  for (const inspection of inspections) {
    for (const a of inspection.adjustments) {
      byCriterion.set(a.criterionId, { criterionId: a.criterionId, points: a.points, note: `实地考察（${inspection.date}）：${a.reason}` });
    }
  }
  return [...byCriterion.values()];
}

/**
 * Declared missing items a reviewer accepted. One not decided yet, or rejected, gives no
 * mark: a rejected missing item re-bases nothing (the criterion is scored on its merits).
 */
export function roundMissingItemMarks(declared: readonly DeclaredMissingItem[], decisions: RoundOverlay['missingItemDecisions']): MissingItemMark[] {
  const accepted = new Set(decisions.filter((d) => d.accepted).map((d) => d.itemId));
  return declared.filter((item) => accepted.has(item.itemId)).map((item) => ({ itemId: item.itemId, justification: item.reason }));
}

/**
 * The frozen vetoes plus the live ones in the window, by id, the live state winning: a veto
 * pushed after submission still blocks (fraud in the rating itself arises during a round),
 * and a province that lifted one is heard; one deleted since submission still counts.
 */
export function mergeVetoes(frozen: readonly VetoEvent[], live: readonly VetoEvent[]): VetoEvent[] {
  const byId = new Map<string, VetoEvent>();
  for (const v of frozen) byId.set(v.id, v);
  for (const v of live) byId.set(v.id, v);
  return [...byId.values()];
}

/** In a round only the certification submitted with the application counts (dated the cut-off's year). */
export function roundCertification(certification: RoundCertification, cutOff: IsoDate): Certification {
  const items: CertificationItems = {};
  for (const [no, value] of Object.entries(certification.items)) {
    if (value === true && /^(?:[1-9]|1[0-2])$/.test(no)) items[no as keyof CertificationItems] = true;
  }
  return { year: yearOf(cutOff), items, certifiedBy: certification.certifiedBy, certifiedOn: certification.certifiedOn };
}
