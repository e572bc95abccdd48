// Score snapshots: the header row and its indicator and criterion rows. A snapshot is never
// changed once written (score-writer.ts), so it is cached for the life of the process,
// keyed by snapshot id, the rows in a compact columnar form; the GraphQL objects are
// rebuilt per request.
import { Injectable } from '@nestjs/common';
import type { Queryable } from '../queries/queryable.js';
import { SNAPSHOT_COLUMNS, toSnapshotHeader, type SnapshotHeader, type SnapshotRow } from '../queries/snapshot-rows.js';
import type { CriterionScore, IndicatorScore } from '../types/score.types.js';
import { rubricMeta, type RubricMeta } from './rubric-meta.js';

export interface SnapshotContents {
  meta: RubricMeta;
  /** Aligned with meta.criteria; NaN where the snapshot has no row. */
  criterionPoints: Float64Array;
  criterionAssessed: Uint8Array;
  criterionStatus: string[];
  criterionReason: string[];
  /** Aligned with meta.indicators. */
  indicatorPoints: Float64Array;
  indicatorApplicable: Float64Array;
}

/**
 * Scores computed on request rather than stored as snapshots (a rating round's result):
 * the ScoreSnapshot object → its contents, read by ScoreResolver instead of the cache.
 */
export const INLINE_SNAPSHOTS = new WeakMap<object, SnapshotContents>();

export interface CachedSnapshot extends SnapshotContents {
  header: SnapshotHeader;
}

// A province's current snapshots fit (each holds ~15 KB of rows and reasons); beyond that
// the least recently used go first.
const CAPACITY = 5000;

@Injectable()
export class SnapshotCache {
  private readonly entries = new Map<string, CachedSnapshot>();

  /** The given snapshots: cached ones from memory, the rest in one statement. */
  async load(db: Queryable, ids: readonly string[]): Promise<(CachedSnapshot | null)[]> {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length > 0) {
      const rows = await db.query<ContentsRow[]>(
        `SELECT ${SNAPSHOT_COLUMNS},
                (SELECT json_agg(json_build_array(c.criterion_id, c.points, c.assessed, c.status, c.reason)) FROM score_criterion c WHERE c.snapshot_id = t.id) AS criteria,
                (SELECT json_agg(json_build_array(i.indicator_id, i.points, i.applicable_max)) FROM score_indicator i WHERE i.snapshot_id = t.id) AS indicators
         FROM unnest($1::bigint[]) AS t(id) JOIN score_snapshot sn ON sn.id = t.id`,
        [missing],
      );
      for (const row of rows) this.remember(row.snapshot_id, { ...compact(row), header: toSnapshotHeader(row) });
    }
    return ids.map((id) => {
      const hit = this.entries.get(id);
      if (hit === undefined) return null;
      // Refresh recency: Map iteration order is insertion order, oldest first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    });
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(id: string, contents: CachedSnapshot): void {
    this.entries.set(id, contents);
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}

interface ContentsRow extends SnapshotRow {
  criteria: [string, number, boolean, string, string][] | null;
  indicators: [string, number, number][] | null;
}

function compact(row: ContentsRow): SnapshotContents {
  const meta = rubricMeta(row.rubric_version);
  const criterionPoints = new Float64Array(meta.criteria.length).fill(Number.NaN);
  const criterionAssessed = new Uint8Array(meta.criteria.length);
  const criterionStatus = new Array<string>(meta.criteria.length).fill('');
  const criterionReason = new Array<string>(meta.criteria.length).fill('');
  for (const [id, points, assessed, status, reason] of row.criteria ?? []) {
    const i = meta.criterionIndex.get(id);
    if (i === undefined) continue;
    criterionPoints[i] = points;
    criterionAssessed[i] = assessed ? 1 : 0;
    criterionStatus[i] = status;
    criterionReason[i] = reason;
  }
  const indicatorPoints = new Float64Array(meta.indicators.length).fill(Number.NaN);
  const indicatorApplicable = new Float64Array(meta.indicators.length);
  for (const [id, points, applicable] of row.indicators ?? []) {
    const i = meta.indicatorIndex.get(id);
    if (i === undefined) continue;
    indicatorPoints[i] = points;
    indicatorApplicable[i] = applicable;
  }
  return { meta, criterionPoints, criterionAssessed, criterionStatus, criterionReason, indicatorPoints, indicatorApplicable };
}

/** The snapshot's criteria in rubric order, as GraphQL objects. */
export function criteriaOf(contents: SnapshotContents): CriterionScore[] {
  const out: CriterionScore[] = [];
  const { meta } = contents;
  for (let i = 0; i < meta.criteria.length; i++) {
    const points = contents.criterionPoints[i];
    if (Number.isNaN(points)) continue;
    const m = meta.criteria[i];
    out.push({
      id: m.id,
      code: m.code,
      indicatorId: m.indicatorId,
      indicatorCode: m.indicatorCode,
      indicatorName: m.indicatorName,
      text: m.text,
      points,
      max: m.points,
      source: m.source,
      assessed: contents.criterionAssessed[i] === 1,
      status: contents.criterionStatus[i],
      reason: contents.criterionReason[i],
    });
  }
  return out;
}

/** The snapshot's indicators (depth first, rubric order), as GraphQL objects. */
export function indicatorsOf(contents: SnapshotContents, level?: number | null): IndicatorScore[] {
  const out: IndicatorScore[] = [];
  const { meta } = contents;
  for (let i = 0; i < meta.indicators.length; i++) {
    const points = contents.indicatorPoints[i];
    const m = meta.indicators[i];
    if (Number.isNaN(points) || (level != null && m.level !== level)) continue;
    out.push({ id: m.id, code: m.code, level: m.level, name: m.name, parentId: m.parentId, points, max: m.points, applicableMax: contents.indicatorApplicable[i], starred: m.starred });
  }
  return out;
}
