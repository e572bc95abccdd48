// Stores engine results set-based: a new snapshot (one row, its criteria and indicators
// included) only when the score says something new, otherwise at most a touch of the current row.
import type { EntityManager } from 'typeorm';
import type { ScoreResult } from './engine/index.js';
import { resultDigest } from './result-digest.js';
import type { StoredCriterion, StoredIndicator } from './score-snapshot.entity.js';
import { contributionOf } from './station-contributions.js';

export interface ScoreWriteSummary {
  changed: string[];
  confirmed: string[];
  skipped: string[];
}

export interface WriteOptions {
  /** Set for a rating round; null for the rolling current evaluation. */
  roundId?: string | null;
  now?: Date;
}

interface CurrentRow {
  station_code: string;
  input_hash: string;
  result_digest: string;
}

export class ScoreWriter {
  constructor(private readonly manager: EntityManager) {}

  /**
   * For each result: same input hash as the current score → nothing written ('skipped');
   * same result digest → the current row records the new evaluation ('confirmed'); else a
   * new snapshot becomes current ('changed'). Call inside a transaction holding the
   * stations' locks.
   */
  async write(results: readonly ScoreResult[], options: WriteOptions = {}): Promise<ScoreWriteSummary> {
    const summary: ScoreWriteSummary = { changed: [], confirmed: [], skipped: [] };
    if (results.length === 0) return summary;
    const now = options.now ?? new Date();
    const current = new Map(
      (
        await this.manager.query<CurrentRow[]>(
          `SELECT ss.station_code, ss.input_hash, s.result_digest
           FROM station_score ss JOIN score_snapshot s ON s.id = ss.snapshot_id
           WHERE ss.station_code = ANY($1)`,
          [results.map((r) => r.stationCode)],
        )
      ).map((row) => [row.station_code, row]),
    );
    const changed: { result: ScoreResult; digest: string }[] = [];
    const confirmed: ScoreResult[] = [];
    for (const result of results) {
      const existing = current.get(result.stationCode);
      if (existing?.input_hash === result.inputHash) {
        summary.skipped.push(result.stationCode);
        continue;
      }
      const digest = resultDigest(result);
      if (existing?.result_digest === digest) {
        confirmed.push(result);
        summary.confirmed.push(result.stationCode);
      } else {
        changed.push({ result, digest });
        summary.changed.push(result.stationCode);
      }
    }
    if (changed.length > 0) await this.insertSnapshots(changed, options.roundId ?? null, now);
    if (confirmed.length > 0) await this.confirm(confirmed, now);
    return summary;
  }

  private async insertSnapshots(items: { result: ScoreResult; digest: string }[], roundId: string | null, now: Date): Promise<void> {
    const col = <T>(pick: (item: { result: ScoreResult; digest: string }) => T) => items.map(pick);
    // One multi-row INSERT for the whole chunk: each snapshot is one row, its criteria and
    // indicators as JSON arrays in rubric order (the views score_criterion and
    // score_indicator unnest them for SQL).
    const inserted = await this.manager.query<{ id: string; station_code: string }[]>(
      `INSERT INTO score_snapshot (station_code, round_id, computed_at, cut_off, rubric_version, star_policy_id, input_hash, result_digest,
                                   raw, applicable, rebased, bonus, total, stars, eligible, pending_count, missing_count, rebase_note,
                                   blocking_vetoes, star_levels, bonus_items, missing_items, criteria, indicators)
       SELECT t.station_code, $2::uuid, $3::timestamptz, t.cut_off, t.rubric_version, t.star_policy_id, t.input_hash, t.result_digest,
              t.raw, t.applicable, t.rebased, t.bonus, t.total, t.stars, t.eligible, t.pending_count, t.missing_count, t.rebase_note,
              t.blocking_vetoes, t.star_levels, t.bonus_items, t.missing_items, t.criteria, t.indicators
       FROM unnest($1::varchar[], $4::date[], $5::varchar[], $6::varchar[], $7::char(64)[], $8::char(64)[], $9::numeric[], $10::numeric[],
                   $11::numeric[], $12::numeric[], $13::numeric[], $14::smallint[], $15::boolean[], $16::smallint[], $17::smallint[],
                   $18::text[], $19::jsonb[], $20::jsonb[], $21::jsonb[], $22::jsonb[], $23::json[], $24::json[])
         AS t(station_code, cut_off, rubric_version, star_policy_id, input_hash, result_digest, raw, applicable, rebased, bonus, total,
              stars, eligible, pending_count, missing_count, rebase_note, blocking_vetoes, star_levels, bonus_items, missing_items, criteria, indicators)
       RETURNING id, station_code`,
      [
        col((i) => i.result.stationCode),
        roundId,
        now,
        col((i) => i.result.cutOff),
        col((i) => i.result.rubricVersion),
        col((i) => i.result.policyId),
        col((i) => i.result.inputHash),
        col((i) => i.digest),
        col((i) => i.result.raw),
        col((i) => i.result.applicable),
        col((i) => i.result.rebased),
        col((i) => i.result.bonus),
        col((i) => i.result.total),
        col((i) => i.result.stars),
        col((i) => i.result.eligible),
        col((i) => i.result.pendingCriteria.length),
        col((i) => i.result.missingItems.length),
        col((i) => i.result.rebaseNote),
        col((i) => JSON.stringify(i.result.blockingVetoes)),
        col((i) => JSON.stringify(i.result.starLevels)),
        col((i) => JSON.stringify(i.result.bonusItems)),
        col((i) => JSON.stringify(i.result.missingItems)),
        col((i) => JSON.stringify(storedCriteria(i.result))),
        col((i) => JSON.stringify(storedIndicators(i.result))),
      ],
    );
    const snapshotOf = new Map(inserted.map((row) => [row.station_code, row.id]));
    await this.makeCurrent(items, snapshotOf, now);
  }

  private async makeCurrent(items: { result: ScoreResult }[], snapshotOf: Map<string, string>, now: Date): Promise<void> {
    const col = <T>(pick: (item: { result: ScoreResult }) => T) => items.map(pick);
    const contributions = col((i) => contributionOf(i.result));
    // The station's contribution to its regions' aggregates goes in the same statement, so the
    // aggregate triggers run once. Arrays of arrays cannot be unnested row by row in
    // PostgreSQL: each row's indicator arrays go as JSON.
    await this.manager.query(
      `INSERT INTO station_score (station_code, snapshot_id, total, rebased, bonus, stars, eligible, has_veto, pending_count, input_hash, cut_off, evaluated_at, changed_at,
                                  rubric_version, indicator_points, indicator_applicable, criteria_to_assess, criteria_assessed, criteria_pending, criteria_overrides)
       SELECT t.station_code, t.snapshot_id, t.total, t.rebased, t.bonus, t.stars, t.eligible, NOT t.eligible, t.pending_count, t.input_hash, t.cut_off, $11, $11,
              t.rubric_version,
              ARRAY(SELECT e::numeric FROM jsonb_array_elements_text(t.points) WITH ORDINALITY AS j(e, i) ORDER BY i),
              ARRAY(SELECT e::numeric FROM jsonb_array_elements_text(t.applicable) WITH ORDINALITY AS j(e, i) ORDER BY i),
              t.to_assess, t.assessed, t.pending, t.overrides
       FROM unnest($1::varchar[], $2::bigint[], $3::numeric[], $4::numeric[], $5::numeric[], $6::smallint[], $7::boolean[], $8::smallint[], $9::char(64)[], $10::date[],
                   $12::varchar[], $13::jsonb[], $14::jsonb[], $15::smallint[], $16::smallint[], $17::smallint[], $18::smallint[])
         AS t(station_code, snapshot_id, total, rebased, bonus, stars, eligible, pending_count, input_hash, cut_off,
              rubric_version, points, applicable, to_assess, assessed, pending, overrides)
       ON CONFLICT (station_code) DO UPDATE SET
         snapshot_id = EXCLUDED.snapshot_id, total = EXCLUDED.total, rebased = EXCLUDED.rebased, bonus = EXCLUDED.bonus,
         stars = EXCLUDED.stars, eligible = EXCLUDED.eligible, has_veto = EXCLUDED.has_veto, pending_count = EXCLUDED.pending_count,
         input_hash = EXCLUDED.input_hash, cut_off = EXCLUDED.cut_off, evaluated_at = EXCLUDED.evaluated_at, changed_at = EXCLUDED.changed_at,
         rubric_version = EXCLUDED.rubric_version, indicator_points = EXCLUDED.indicator_points, indicator_applicable = EXCLUDED.indicator_applicable,
         criteria_to_assess = EXCLUDED.criteria_to_assess, criteria_assessed = EXCLUDED.criteria_assessed,
         criteria_pending = EXCLUDED.criteria_pending, criteria_overrides = EXCLUDED.criteria_overrides`,
      [
        col((i) => i.result.stationCode),
        col((i) => snapshotOf.get(i.result.stationCode)!),
        col((i) => i.result.total),
        col((i) => i.result.rebased),
        col((i) => i.result.bonus),
        col((i) => i.result.stars),
        col((i) => i.result.eligible),
        col((i) => i.result.pendingCriteria.length),
        col((i) => i.result.inputHash),
        col((i) => i.result.cutOff),
        now,
        col((i) => i.result.rubricVersion),
        contributions.map((c) => JSON.stringify(c.points)),
        contributions.map((c) => JSON.stringify(c.applicable)),
        contributions.map((c) => c.toAssess),
        contributions.map((c) => c.assessed),
        contributions.map((c) => c.pending),
        contributions.map((c) => c.overrides),
      ],
    );
  }

  private async confirm(results: ScoreResult[], now: Date): Promise<void> {
    await this.manager.query(
      `UPDATE station_score ss SET input_hash = t.input_hash, cut_off = t.cut_off, evaluated_at = $4
       FROM unnest($1::varchar[], $2::char(64)[], $3::date[]) AS t(station_code, input_hash, cut_off)
       WHERE ss.station_code = t.station_code`,
      [results.map((r) => r.stationCode), results.map((r) => r.inputHash), results.map((r) => r.cutOff), now],
    );
  }
}

/** The criteria as stored in score_snapshot.criteria (engine order, which is rubric order). */
function storedCriteria(result: ScoreResult): StoredCriterion[] {
  return result.criteria.map((c) => [c.id, c.points, c.max, c.source, c.assessed, c.status, c.reason]);
}

/** The indicators as stored in score_snapshot.indicators (depth first, rubric order). */
function storedIndicators(result: ScoreResult): StoredIndicator[] {
  return result.indicators.map((i) => [i.id, i.level, i.points, i.max, i.applicableMax]);
}
