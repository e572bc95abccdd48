// The round_result table: the sealed links of a confirmed round's hash chain (written once
// at confirmation; the database refuses any later change), and what reads take from them.
// Also the live vetoes of stations, which the early warning sets beside their awards.
import type { Queryable } from '../database/queryable.js';
import type { ScoreResult } from '../scoring/engine/index.js';
import type { RoundResultInputs } from './review/round-chain.js';

/** One link as stored (hashes are char columns: callers trim them). */
export interface SealedResultRow {
  station_code: string;
  seq: number;
  inputs: RoundResultInputs;
  input_hash: string;
  result_digest: string;
  previous_hash: string | null;
  chain_hash: string;
  result: ScoreResult;
  total: number;
  stars: number;
  awarded: boolean;
}

/** A link to write: the application's result, its inputs and its place in the chain. */
export interface ResultLink {
  applicationId: string;
  roundId: string;
  stationCode: string;
  seq: number;
  inputHash: string;
  resultDigest: string;
  previousHash: string | null;
  chainHash: string;
  result: ScoreResult;
  awarded: boolean;
  inputs: RoundResultInputs;
}

/** The first blocking veto a station's live score shows. */
export interface LiveBlockingVeto {
  id: string;
  kind: string;
  date: string;
  description: string;
}

export class RoundResultsRepository {
  constructor(private readonly db: Queryable) {}

  async insert(link: ResultLink): Promise<void> {
    await this.db.query(
      `INSERT INTO round_result (application_id, round_id, station_code, seq, input_hash, result_digest, previous_hash, chain_hash, result, total, stars, awarded, confirmed_at, inputs)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, now(), $13::jsonb)`,
      [
        link.applicationId,
        link.roundId,
        link.stationCode,
        link.seq,
        link.inputHash,
        link.resultDigest,
        link.previousHash,
        link.chainHash,
        JSON.stringify(link.result),
        link.result.total,
        link.result.stars,
        link.awarded,
        JSON.stringify(link.inputs),
      ],
    );
  }

  /** The round's links in chain order. */
  chain(roundId: string): Promise<SealedResultRow[]> {
    return this.db.query(
      `SELECT station_code, seq, inputs, input_hash, result_digest, previous_hash, chain_hash, result, total::float8 AS total, stars, awarded
     FROM round_result WHERE round_id = $1 ORDER BY seq`,
      [roundId],
    );
  }

  /** The application's stored result with its headline columns (total as numeric text). */
  async stored(applicationId: string): Promise<{ result: ScoreResult; total: string; stars: number; awarded: boolean } | undefined> {
    const [stored] = await this.db.query<{ result: ScoreResult; total: string; stars: number; awarded: boolean }[]>(`SELECT result, total, stars, awarded FROM round_result WHERE application_id = $1`, [applicationId]);
    return stored;
  }

  /** The application's stored result with its digest. */
  async storedWithDigest(applicationId: string): Promise<{ result: ScoreResult; result_digest: string } | undefined> {
    const [stored] = await this.db.query<{ result: ScoreResult; result_digest: string }[]>(`SELECT result, result_digest FROM round_result WHERE application_id = $1`, [applicationId]);
    return stored;
  }

  /** Stored results of those applications that have one. */
  storedOf(applicationIds: readonly string[]): Promise<{ application_id: string; result: ScoreResult; confirmed_at: Date }[]> {
    return this.db.query(`SELECT application_id, result, confirmed_at FROM round_result WHERE application_id = ANY($1::uuid[])`, [applicationIds]);
  }

  /**
   * Stored results' headlines, each jsonb read once (jsonb_to_record; a `result->'…'` per
   * field would decompress the ≈ 40 KB value for each): criteria, indicators and reasons
   * stay in the database.
   */
  headlines<H>(applicationIds: readonly string[]): Promise<({ id: string } & H)[]> {
    return this.db.query(
      `SELECT rr.application_id::text AS id, h.* FROM round_result rr,
         jsonb_to_record(rr.result) AS h(raw float8, applicable float8, rebased float8, bonus float8, total float8, stars int, eligible boolean, "blockingVetoes" jsonb, "pendingCriteria" jsonb)
       WHERE rr.application_id = ANY($1::uuid[])`,
      [applicationIds],
    );
  }

  /** The blocking vetoes the live score of each station shows now (stations with a score). */
  liveBlockingVetoes(codes: readonly string[]): Promise<{ station_code: string; blocking_vetoes: LiveBlockingVeto[] }[]> {
    return this.db.query(
      `SELECT ss.station_code, sn.blocking_vetoes FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = ANY($1::varchar[])`,
      [codes],
    );
  }
}
