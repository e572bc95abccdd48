// Score snapshots: the header and the criterion and indicator results, which the snapshot
// row holds as JSON arrays (score-writer.ts). A snapshot is never changed once written, so
// it is cached for the life of the process, keyed by snapshot id, with its criteria and
// indicators as ready GraphQL objects: frozen, and interned — the same criterion saying the
// same thing (points, status, reason) in two snapshots is one object — so a request returns
// the lists as they are and a province's snapshots cost little memory.
import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../database/queryable.js';
import { SnapshotsRepository, type SnapshotContentsRow } from '../../scoring/snapshots.repository.js';
import { toSnapshotHeader, type SnapshotHeader } from './snapshot-rows.js';
import type { CriterionScore, IndicatorScore } from '../types/score.types.js';
import { rubricMeta, type RubricMeta } from './rubric-meta.js';

export interface SnapshotContents {
  meta: RubricMeta;
  /** Rubric order; frozen objects shared between requests and snapshots. */
  criteria: readonly CriterionScore[];
  /** Depth first, rubric order; frozen and shared. */
  indicators: readonly IndicatorScore[];
}

/**
 * Scores computed on request rather than stored as snapshots (a rating round's result):
 * the ScoreSnapshot object → its contents, read by ScoreResolver instead of the cache.
 */
export const INLINE_SNAPSHOTS = new WeakMap<object, SnapshotContents>();

export interface CachedSnapshot extends SnapshotContents {
  header: SnapshotHeader;
}

// Every current snapshot of the country fits (40,000 stations; a cached snapshot holds its
// header and two arrays of shared objects, ~3 KB); beyond that the least recently used go.
const CAPACITY = 50_000;

@Injectable()
export class SnapshotCache {
  private readonly entries = new Map<string, CachedSnapshot>();

  /** The given snapshots: cached ones from memory, the rest in one statement. */
  async load(db: Queryable, ids: readonly string[]): Promise<(CachedSnapshot | null)[]> {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length > 0) {
      const rows = await new SnapshotsRepository(db).contents(missing);
      for (const row of rows) this.remember(row.snapshot_id, { ...storedContents(row), header: toSnapshotHeader(row) });
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

/** What a criterion of a score says. */
interface CriterionSaid {
  id: string;
  points: number;
  assessed: boolean;
  status: string;
  reason: string;
}

/** What an indicator of a score says. */
interface IndicatorSaid {
  id: string;
  points: number;
  applicableMax: number;
}

function storedContents(row: SnapshotContentsRow): SnapshotContents {
  return snapshotContents(
    row.rubric_version,
    row.criteria.map(([id, points, , , assessed, status, reason]) => ({ id, points, assessed, status, reason })),
    row.indicators.map(([id, , points, , applicableMax]) => ({ id, points, applicableMax })),
  );
}

/** The contents of a score (stored, or a round's computed result) as ready GraphQL lists. */
export function snapshotContents(rubricVersion: string, criteria: Iterable<CriterionSaid>, indicators: Iterable<IndicatorSaid>): SnapshotContents {
  const meta = rubricMeta(rubricVersion);
  const byCriterion = new Array<CriterionScore | undefined>(meta.criteria.length);
  for (const c of criteria) {
    const i = meta.criterionIndex.get(c.id);
    if (i !== undefined) byCriterion[i] = internCriterion(meta, i, c);
  }
  const byIndicator = new Array<IndicatorScore | undefined>(meta.indicators.length);
  for (const x of indicators) {
    const i = meta.indicatorIndex.get(x.id);
    if (i !== undefined) byIndicator[i] = internIndicator(meta, i, x);
  }
  return { meta, criteria: Object.freeze(byCriterion.filter((c) => c !== undefined)), indicators: Object.freeze(byIndicator.filter((x) => x !== undefined)) };
}

// Interned result objects, by rubric version, position and what they say. Bounded: when
// full it starts again (objects still used by cached snapshots stay alive through them).
const INTERN_LIMIT = 200_000;
const criterionObjects = new Map<string, CriterionScore>();
const indicatorObjects = new Map<string, IndicatorScore>();

function internCriterion(meta: RubricMeta, i: number, c: CriterionSaid): CriterionScore {
  const key = `${meta.version}\u0000${i}\u0000${c.points}\u0000${c.assessed ? 1 : 0}\u0000${c.status}\u0000${c.reason}`;
  let hit = criterionObjects.get(key);
  if (hit === undefined) {
    const m = meta.criteria[i];
    hit = Object.freeze({
      id: m.id,
      code: m.code,
      indicatorId: m.indicatorId,
      indicatorCode: m.indicatorCode,
      indicatorName: m.indicatorName,
      text: m.text,
      points: c.points,
      max: m.points,
      source: m.source,
      assessed: c.assessed,
      status: c.status,
      reason: c.reason,
    });
    if (criterionObjects.size >= INTERN_LIMIT) criterionObjects.clear();
    criterionObjects.set(key, hit);
  }
  return hit;
}

function internIndicator(meta: RubricMeta, i: number, x: IndicatorSaid): IndicatorScore {
  const key = `${meta.version}\u0000${i}\u0000${x.points}\u0000${x.applicableMax}`;
  let hit = indicatorObjects.get(key);
  if (hit === undefined) {
    const m = meta.indicators[i];
    hit = Object.freeze({ id: m.id, code: m.code, level: m.level, name: m.name, parentId: m.parentId, points: x.points, max: m.points, applicableMax: x.applicableMax, starred: m.starred });
    if (indicatorObjects.size >= INTERN_LIMIT) indicatorObjects.clear();
    indicatorObjects.set(key, hit);
  }
  return hit;
}

/** The snapshot's criteria in rubric order, as GraphQL objects (the shared frozen list). */
export function criteriaOf(contents: SnapshotContents): readonly CriterionScore[] {
  return contents.criteria;
}

const indicatorsByLevel = new WeakMap<SnapshotContents, (readonly IndicatorScore[])[]>();

/** The snapshot's indicators (depth first, rubric order), as GraphQL objects; one level's list is kept once built. */
export function indicatorsOf(contents: SnapshotContents, level?: number | null): readonly IndicatorScore[] {
  if (level == null) return contents.indicators;
  let levels = indicatorsByLevel.get(contents);
  if (levels === undefined) indicatorsByLevel.set(contents, (levels = []));
  return (levels[level] ??= Object.freeze(contents.indicators.filter((x) => x.level === level)));
}
