// What the forms read, one narrow port per need. The live adapters (live-sources.ts) read
// today's stored data; snapshot storage and the repositories will be restructured by later
// issues, and then only the adapters change. A rating round brings its own adapters
// (frozen result, application materials) for the same views.
import type { Certification } from '../../domain/station-data.js';
import type { ScoreResult } from '../../scoring/engine/score-result.js';
import type { RosterPerson } from '../build/views.builder.js';
import type { FormStation } from '../views/common.js';
import type { RankingRow } from '../views/lists.view.js';

/** A station's current score, in the engine's shape. */
export interface LiveScore {
  readonly result: ScoreResult;
  /** resultDigest() of the result, as stored with it. */
  readonly resultDigest: string;
  readonly evaluatedAt: Date;
}

export interface LiveScoreSource {
  /** null when the station has not been scored yet. */
  current(stationCode: string): Promise<LiveScore | null>;
}

export interface StationSource {
  /** The station with its region names; null when unknown. */
  station(code: string): Promise<FormStation | null>;
}

export interface RosterSource {
  /** Everyone on the station's roster on `day` (auxiliaries included; people who had left by then are not). */
  people(stationCode: string, day: string): Promise<RosterPerson[]>;
}

export interface CertificationSource {
  /** Every stored certification (附件3) of the station, any order. */
  certifications(stationCode: string): Promise<Certification[]>;
}

export interface RankingSource {
  /** A region's name; null when unknown. */
  regionName(code: string): Promise<string | null>;
  /** The region's live ranking, streamed in rank order. */
  rows(regionCode: string): AsyncIterable<RankingRow>;
}

export const LIVE_SCORE_SOURCE = Symbol('LiveScoreSource');
export const STATION_SOURCE = Symbol('StationSource');
export const ROSTER_SOURCE = Symbol('RosterSource');
export const CERTIFICATION_SOURCE = Symbol('CertificationSource');
export const RANKING_SOURCE = Symbol('RankingSource');
