// Score history (snapshots newest first, keyset on the snapshot id) and the comparison of
// the scores in force at two instants, read through SnapshotsRepository.
import type { Queryable } from '../../database/queryable.js';
import { diffScores, type CriterionResult, type IndicatorResult, type ScoreResult } from '../../scoring/engine/index.js';
import { SnapshotsRepository, type EndsQuery, type SnapshotInForceRow } from '../../scoring/snapshots.repository.js';
import type { CachedSnapshot } from './snapshot-cache.js';
import type { Edge } from '../types/common.types.js';
import type { CriterionChange, ScoreSnapshot } from '../types/score.types.js';
import { toSnapshot } from './snapshot-rows.js';

export interface HistoryRequest {
  stationCode: string;
  first: number;
  /** Snapshot id of the last edge seen, or null. */
  beforeId: string | null;
}

/** Pages of snapshots, newest first, one statement for all the requests. */
export async function loadHistoryPages(
  db: Queryable,
  requests: readonly HistoryRequest[],
  encode: (snapshotId: string) => string,
): Promise<{ edges: Edge<ScoreSnapshot>[]; hasNextPage: boolean }[]> {
  const pages = await new SnapshotsRepository(db).history(requests.map((r) => ({ stationCode: r.stationCode, beforeId: r.beforeId, limit: r.first + 1 })));
  return requests.map((r, i) => {
    const mine = pages[i];
    return {
      hasNextPage: mine.length > r.first,
      edges: mine.slice(0, r.first).map((row) => ({ cursor: encode(row.snapshot_id), node: toSnapshot(row, row.is_current, row.evaluated_at) })),
    };
  });
}

export type ChangeRequest = EndsQuery;

/**
 * For each request: the snapshot in force at `to` (default: the latest) and the one in force
 * at `from` (default: the one before it). One statement.
 */
export async function loadChangeEnds(db: Queryable, requests: readonly ChangeRequest[]): Promise<{ from: ScoreSnapshot | null; to: ScoreSnapshot | null }[]> {
  const ends = await new SnapshotsRepository(db).ends(requests);
  const snapshot = (row: SnapshotInForceRow | null) => (row ? toSnapshot(row, row.is_current, row.evaluated_at) : null);
  return ends.map((e) => ({ from: snapshot(e.from), to: snapshot(e.to) }));
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
