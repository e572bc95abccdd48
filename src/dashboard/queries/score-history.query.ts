// Score history (snapshots newest first, keyset on the snapshot id) and the comparison of
// the scores in force at two instants.
import { diffScores, type CriterionResult, type IndicatorResult, type ScoreResult } from '../../scoring/engine/index.js';
import type { CachedSnapshot } from '../loaders/snapshot-cache.js';
import type { Edge } from '../types/common.types.js';
import type { CriterionChange, ScoreSnapshot } from '../types/score.types.js';
import type { Queryable } from '../../database/queryable.js';
import { SNAPSHOT_COLUMNS, toSnapshot, type SnapshotRow } from './snapshot-rows.js';

export interface HistoryRequest {
  stationCode: string;
  first: number;
  /** Snapshot id of the last edge seen, or null. */
  beforeId: string | null;
}

type HistoryRow = SnapshotRow & { request: number; is_current: boolean; evaluated_at: Date | null };

export async function loadHistoryPages(
  db: Queryable,
  requests: readonly HistoryRequest[],
  encode: (snapshotId: string) => string,
): Promise<{ edges: Edge<ScoreSnapshot>[]; hasNextPage: boolean }[]> {
  const rows = await db.query<HistoryRow[]>(
    `SELECT r.request, sn.* FROM unnest($1::varchar[], $2::bigint[], $3::int[]) WITH ORDINALITY AS r(station_code, before_id, lim, request)
     CROSS JOIN LATERAL (
       SELECT ${SNAPSHOT_COLUMNS}, ss.evaluated_at, ss.snapshot_id IS NOT NULL AS is_current
       FROM score_snapshot sn LEFT JOIN station_score ss ON ss.snapshot_id = sn.id
       WHERE sn.station_code = r.station_code AND (r.before_id IS NULL OR sn.id < r.before_id)
       ORDER BY sn.id DESC LIMIT r.lim
     ) sn`,
    [requests.map((r) => r.stationCode), requests.map((r) => r.beforeId), requests.map((r) => r.first + 1)],
  );
  return requests.map((r, i) => {
    const mine = rows.filter((row) => Number(row.request) === i + 1);
    return {
      hasNextPage: mine.length > r.first,
      edges: mine.slice(0, r.first).map((row) => ({ cursor: encode(row.snapshot_id!), node: toSnapshot(row, row.is_current, row.evaluated_at) })),
    };
  });
}

export interface ChangeRequest {
  stationCode: string;
  from: Date | null;
  to: Date | null;
}

/**
 * For each request: the snapshot in force at `to` (default: the latest) and the one in force
 * at `from` (default: the one before it). One statement; the snapshot rows come back whole.
 */
export async function loadChangeEnds(db: Queryable, requests: readonly ChangeRequest[]): Promise<{ from: ScoreSnapshot | null; to: ScoreSnapshot | null }[]> {
  const rows = await db.query<(HistoryRow & { side: 'from' | 'to' })[]>(
    `WITH r AS (
       SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(station_code, from_at, to_at, request)
     ), ends AS (
       SELECT r.request, t.id AS to_id, f.id AS from_id FROM r
       LEFT JOIN LATERAL (SELECT sn.id FROM score_snapshot sn WHERE sn.station_code = r.station_code AND (r.to_at IS NULL OR sn.computed_at <= r.to_at)
                          ORDER BY sn.computed_at DESC, sn.id DESC LIMIT 1) t ON true
       LEFT JOIN LATERAL (SELECT sn.id FROM score_snapshot sn WHERE sn.station_code = r.station_code
                            AND (CASE WHEN r.from_at IS NULL THEN sn.id < t.id ELSE sn.computed_at <= r.from_at END)
                          ORDER BY sn.computed_at DESC, sn.id DESC LIMIT 1) f ON true
     )
     SELECT e.request, side.side, ${SNAPSHOT_COLUMNS}, ss.evaluated_at, ss.snapshot_id IS NOT NULL AS is_current
     FROM ends e CROSS JOIN LATERAL (VALUES ('from', e.from_id), ('to', e.to_id)) AS side(side, id)
     JOIN score_snapshot sn ON sn.id = side.id
     LEFT JOIN station_score ss ON ss.snapshot_id = sn.id`,
    [requests.map((r) => r.stationCode), requests.map((r) => r.from), requests.map((r) => r.to)],
  );
  return requests.map((_, i) => {
    const side = (name: 'from' | 'to') => {
      const row = rows.find((x) => Number(x.request) === i + 1 && x.side === name);
      return row ? toSnapshot(row, row.is_current, row.evaluated_at) : null;
    };
    return { from: side('from'), to: side('to') };
  });
}

/** A stored snapshot back in the engine's ScoreResult shape, so the engine's diff applies. */
export function toScoreResult(contents: CachedSnapshot): ScoreResult {
  const { header: snapshot } = contents;
  const criteria = contents.criteria.map(
    (c): CriterionResult => ({
      id: c.id,
      code: c.code,
      indicatorId: c.indicatorId,
      points: c.points,
      max: c.max,
      source: c.source as CriterionResult['source'],
      assessed: c.assessed,
      status: c.status as CriterionResult['status'],
      reason: c.reason,
    }),
  );
  const indicators = contents.indicators.map(
    (x): IndicatorResult => ({ id: x.id, code: x.code, level: x.level as IndicatorResult['level'], name: x.name, points: x.points, max: x.max, applicableMax: x.applicableMax, starred: x.starred }),
  );
  return {
    stationCode: snapshot.stationCode,
    rubricVersion: snapshot.rubricVersion,
    policyId: snapshot.starPolicyId,
    cutOff: snapshot.cutOff,
    inputHash: snapshot.inputHash,
    raw: snapshot.raw,
    applicable: snapshot.applicable,
    rebased: snapshot.rebased,
    bonus: snapshot.bonus,
    total: snapshot.total,
    stars: snapshot.stars as ScoreResult['stars'],
    eligible: snapshot.eligible,
    blockingVetoes: snapshot.blockingVetoes.map((v) => ({ ...v, kind: v.kind as ScoreResult['blockingVetoes'][number]['kind'], lifted: false })),
    starLevels: snapshot.starLevels.map((l) => ({ ...l, stars: l.stars as ScoreResult['starLevels'][number]['stars'] })),
    pendingCriteria: criteria.filter((c) => c.status === 'PENDING_ASSESSMENT').map((c) => c.id),
    missingItems: snapshot.missingItems.map((m) => ({ id: m.criterionId, code: m.code, max: m.max, reason: m.reason })),
    rebaseNote: snapshot.rebaseNote,
    indicators,
    criteria,
    bonusItems: snapshot.bonusItems.map((b) => ({ ...b, category: b.category as ScoreResult['bonusItems'][number]['category'], level: b.level as ScoreResult['bonusItems'][number]['level'] })),
  };
}

/** The criteria whose points differ, with both sides' status and reason and the rubric texts. */
export function criterionChanges(before: ScoreResult, after: ScoreResult, texts: Map<string, { text: string; indicatorName: string }>): CriterionChange[] {
  return diffScores(before, after).map((c) => ({
    criterionId: c.criterionId,
    code: c.code,
    text: texts.get(c.criterionId)?.text ?? '',
    indicatorName: texts.get(c.criterionId)?.indicatorName ?? '',
    delta: c.delta,
    before: c.before,
    after: c.after,
  }));
}
