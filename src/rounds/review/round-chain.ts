// The confirmed results of a round as a hash chain (认定结果链). Each link stores what it was
// computed from (`inputs`: the round's scoring terms, the application's frozen facts,
// declared missing items and certification, and the overlay of reviews, inspections,
// decisions and live vetoes used), so verification recomputes everything from the row alone:
//   input_hash    = sha256(canonical inputs)
//   result_digest = resultDigest(scoreApplication(inputs))
//   chain_hash    = sha256(previous_hash | seq | station_code | input_hash | result_digest)
import { canonicalJson, sha256Hex } from '../../ingestion/row-digest.js';
import type { VetoEvent } from '../../domain/station-data.js';
import type { ScoreResult } from '../../scoring/engine/index.js';
import { resultDigest } from '../../scoring/result-digest.js';
import type { DeclaredMissingItem, RoundCertification } from '../round-application.entity.js';
import type { StationFactsJson } from '../round-facts.js';
import type { InspectionAdjustment } from '../round-review.entities.js';
import { scoreApplication, type RoundOverlay, type RoundScoringTerms } from '../round-scoring.js';

/** round_result.inputs: everything the result was computed from, as plain JSON. */
export interface RoundResultInputs {
  format: 'round-result-inputs/1';
  round: RoundScoringTerms;
  application: { stationCode: string; frozenFacts: StationFactsJson; missingItems: DeclaredMissingItem[]; certification: RoundCertification | null };
  overlay: {
    reviews: { criterionId: string; points: number; note: string }[];
    inspections: { date: string; recordedAt: string; adjustments: InspectionAdjustment[] }[];
    missingItemDecisions: { itemId: string; accepted: boolean }[];
    liveVetoes: VetoEvent[];
  };
}

export function resultInputs(round: RoundScoringTerms, application: RoundResultInputs['application'], overlay: RoundOverlay): RoundResultInputs {
  const plain = {
    format: 'round-result-inputs/1' as const,
    round: { level: round.level, cutOff: round.cutOff, caseSampleFrom: round.caseSampleFrom, caseSampleTo: round.caseSampleTo, rubricVersion: round.rubricVersion, starPolicy: round.starPolicy },
    application: { stationCode: application.stationCode, frozenFacts: application.frozenFacts, missingItems: [...application.missingItems], certification: application.certification },
    overlay: {
      reviews: overlay.reviews.map((r) => ({ criterionId: r.criterionId, points: r.points, note: r.note })),
      inspections: overlay.inspections.map((i) => ({ date: i.date, recordedAt: i.recordedAt.toISOString(), adjustments: [...i.adjustments] })),
      missingItemDecisions: overlay.missingItemDecisions.map((d) => ({ itemId: d.itemId, accepted: d.accepted })),
      liveVetoes: [...overlay.liveVetoes],
    },
  };
  // A JSON round trip: what is hashed is exactly what jsonb gives back.
  return JSON.parse(JSON.stringify(plain)) as RoundResultInputs;
}

export function inputsHash(inputs: RoundResultInputs): string {
  return sha256Hex(canonicalJson(inputs));
}

/** The result the inputs give (the round scoring, nothing mutable read). */
export function scoreInputs(inputs: RoundResultInputs): ScoreResult {
  const overlay: RoundOverlay = {
    reviews: inputs.overlay.reviews,
    inspections: inputs.overlay.inspections.map((i) => ({ date: i.date, recordedAt: new Date(i.recordedAt), adjustments: i.adjustments })),
    missingItemDecisions: inputs.overlay.missingItemDecisions,
    liveVetoes: inputs.overlay.liveVetoes,
  };
  return scoreApplication(inputs.round, inputs.application, overlay);
}

export function chainHash(previousHash: string | null, seq: number, stationCode: string, inputHash: string, digest: string): string {
  return sha256Hex(`${previousHash ?? ''}|${seq}|${stationCode}|${inputHash}|${digest}`);
}

export interface StoredResult {
  stationCode: string;
  seq: number;
  inputs: RoundResultInputs;
  inputHash: string;
  resultDigest: string;
  previousHash: string | null;
  chainHash: string;
  result: ScoreResult;
  total: number;
  stars: number;
  awarded: boolean;
}

export interface Mismatch {
  stationCode: string;
  reason: string;
}

/** Everything wrong with one stored link, recomputed from its inputs alone. */
export function linkMismatches(row: StoredResult, expectedPrevious: string | null, expectedSeq: number, awardedBy: (result: ScoreResult) => boolean): string[] {
  const reasons: string[] = [];
  let recomputed: ScoreResult | null = null;
  try {
    recomputed = scoreInputs(row.inputs);
  } catch (error) {
    reasons.push(`its inputs cannot be scored: ${(error as Error).message}`);
  }
  if (inputsHash(row.inputs) !== row.inputHash) reasons.push('the input hash does not match the stored inputs (frozen facts or overlay changed)');
  if (recomputed !== null && resultDigest(recomputed) !== row.resultDigest) reasons.push('the result recomputed from the inputs differs from the stored result digest');
  // jsonb reorders keys: the stored result is compared canonically with the recomputed one.
  if (recomputed !== null && canonicalJson(row.result) !== canonicalJson(JSON.parse(JSON.stringify(recomputed)))) reasons.push('the stored result differs from the result recomputed from the inputs');
  if (recomputed !== null && (row.total !== recomputed.total || row.stars !== recomputed.stars || row.awarded !== awardedBy(recomputed))) {
    reasons.push(`the stored total/stars/award (${row.total}, ${row.stars}★, ${row.awarded}) differ from the recomputed (${recomputed.total}, ${recomputed.stars}★, ${awardedBy(recomputed)})`);
  }
  if (row.seq !== expectedSeq) reasons.push(`sequence ${row.seq} where ${expectedSeq} was expected`);
  if (row.previousHash !== expectedPrevious) reasons.push('the previous hash does not link to the previous result');
  if (chainHash(expectedPrevious, row.seq, row.stationCode, row.inputHash, row.resultDigest) !== row.chainHash) reasons.push('the chain hash does not match');
  return reasons;
}
