// Frozen facts: what a station's application is scored on. Submitting an application
// freezes the station's facts exactly as the live scoring loads them (FactsLoader), so the
// round scores what was submitted while later pushes move only the live score. Stored as
// JSON in round_application.frozen_facts; thawFacts turns it back into engine input.
//
// Left out of the frozen form, on purpose:
// - the live reviewer assessments and missing-item marks: in a round they come from the
//   round's own reviews and decisions (the overlay, round-scoring.ts);
// - the stored row digests: they stand for live rows that will change, so the input hash
//   of a round score serialises the frozen rows themselves, and anyone can recompute it
//   from the frozen JSON alone (round verification).
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { canonicalJson, sha256Hex } from '../ingestion/row-digest.js';
import type { StationFacts } from '../scoring/engine/index.js';
import { FactsLoader } from '../scoring/facts-loader.js';

export const FROZEN_FACTS_FORMAT = 'station-facts/1';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** The station's facts without assessments, marks and digests, as plain JSON data. */
export type FrozenStationFacts = Omit<Mutable<StationFacts>, 'assessments' | 'missingItemMarks' | 'digests'>;

/** What round_application.frozen_facts holds. */
export interface StationFactsJson {
  format: typeof FROZEN_FACTS_FORMAT;
  rubricVersion: string;
  facts: FrozenStationFacts;
}

/** The station's facts as the live scoring would load them now; NOT_FOUND for an unknown station. */
export async function freezeFacts(manager: EntityManager, stationCode: string, rubricVersion: string): Promise<StationFactsJson> {
  const loaded = (await new FactsLoader(manager).load([stationCode], rubricVersion)).get(stationCode);
  if (loaded === undefined) throw DomainError.notFound(`station ${stationCode}`);
  const { assessments: _assessments, missingItemMarks: _marks, digests: _digests, ...facts } = loaded.facts;
  // A JSON round trip now, so what is stored is exactly what is returned (no undefined members).
  return JSON.parse(JSON.stringify({ format: FROZEN_FACTS_FORMAT, rubricVersion, facts })) as StationFactsJson;
}

/** Engine input from frozen facts (no assessments, no marks: the round's overlay adds them). */
export function thawFacts(json: StationFactsJson): StationFacts {
  if (json?.format !== FROZEN_FACTS_FORMAT) throw new Error(`frozen facts of unknown format ${JSON.stringify(json?.format)}`);
  return { ...json.facts, assessments: [], missingItemMarks: [] };
}

/** round_application.frozen_input_hash: sha256 of the canonical JSON of the frozen facts. */
export function frozenFactsHash(json: StationFactsJson): string {
  return sha256Hex(canonicalJson(json));
}
