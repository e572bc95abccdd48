// Smaller reads batched by the request's loaders: regions, reviewer assessments and
// missing-item marks.
import type { Region } from '../types/region.types.js';
import type { MissingItemMark, ReviewerAssessment } from '../types/review.types.js';
import { rubricMeta } from '../loaders/rubric-meta.js';
import type { Queryable } from '../../database/queryable.js';

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

const toRegion = (r: RegionRow): Region => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code });

export async function loadRegions(db: Queryable, codes: readonly string[]): Promise<Map<string, Region>> {
  const rows = await db.query<RegionRow[]>(`SELECT code, name, level, parent_code FROM region WHERE code = ANY($1::char(6)[])`, [codes]);
  return new Map(rows.map((r) => [r.code, toRegion(r)]));
}

/** Children of each parent (null: the provinces), by code. */
export async function loadRegionChildren(db: Queryable, parents: readonly string[]): Promise<Map<string, Region[]>> {
  const rows = await db.query<RegionRow[]>(`SELECT code, name, level, parent_code FROM region WHERE parent_code = ANY($1::char(6)[]) ORDER BY code`, [parents]);
  const out = new Map<string, Region[]>(parents.map((p) => [p, []]));
  for (const r of rows) out.get(r.parent_code!)?.push(toRegion(r));
  return out;
}

export async function loadTopRegions(db: Queryable): Promise<Region[]> {
  return (await db.query<RegionRow[]>(`SELECT code, name, level, parent_code FROM region WHERE parent_code IS NULL ORDER BY code`)).map(toRegion);
}

/** Stations per region code (any level), one statement. */
export async function loadStationCounts(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; n: number }[]>(
    `SELECT r.code, (SELECT count(*)::int FROM station s WHERE s.province_code = r.code OR s.city_code = r.code OR s.county_code = r.code) AS n
     FROM unnest($1::char(6)[]) AS r(code)`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.n]));
}

interface AssessmentRow {
  station_code: string;
  rubric_version: string;
  criterion_id: string;
  points: number;
  note: string;
  evidence_refs: string[];
  assessed_by: string | null;
  assessed_at: Date;
}

export function toAssessment(r: AssessmentRow): ReviewerAssessment {
  const m = rubricMeta(r.rubric_version).criteria.find((c) => c.id === r.criterion_id);
  return {
    stationCode: r.station_code,
    rubricVersion: r.rubric_version,
    criterionId: r.criterion_id,
    criterionCode: m?.code ?? r.criterion_id,
    points: Number(r.points),
    max: m?.points ?? 0,
    note: r.note,
    evidenceRefs: r.evidence_refs,
    assessedBy: r.assessed_by,
    assessedAt: r.assessed_at,
  };
}

export const ASSESSMENT_COLUMNS = `station_code, rubric_version, criterion_id, points::float8 AS points, note, evidence_refs, assessed_by, assessed_at`;

export async function loadAssessments(db: Queryable, codes: readonly string[]): Promise<Map<string, ReviewerAssessment[]>> {
  const rows = await db.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM reviewer_assessment WHERE station_code = ANY($1::varchar[])`, [codes]);
  const out = new Map<string, ReviewerAssessment[]>(codes.map((c) => [c, []]));
  for (const r of rows) out.get(r.station_code)?.push(toAssessment(r));
  for (const list of out.values()) list.sort((a, b) => order(a.rubricVersion, a.criterionId) - order(b.rubricVersion, b.criterionId));
  return out;
}

function order(version: string, id: string): number {
  return rubricMeta(version).criterionIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
}

interface MarkRow {
  station_code: string;
  rubric_version: string;
  item_id: string;
  justification: string;
  marked_by: string | null;
  marked_at: Date;
}

export const MARK_COLUMNS = `station_code, rubric_version, item_id, justification, marked_by, marked_at`;

export function toMark(r: MarkRow): MissingItemMark {
  return {
    stationCode: r.station_code,
    rubricVersion: r.rubric_version,
    itemId: r.item_id,
    itemCode: rubricMeta(r.rubric_version).itemCode.get(r.item_id) ?? r.item_id,
    justification: r.justification,
    markedBy: r.marked_by,
    markedAt: r.marked_at,
  };
}

export async function loadMarks(db: Queryable, codes: readonly string[]): Promise<Map<string, MissingItemMark[]>> {
  const rows = await db.query<MarkRow[]>(`SELECT ${MARK_COLUMNS} FROM missing_item_mark WHERE station_code = ANY($1::varchar[]) ORDER BY station_code, item_id`, [codes]);
  const out = new Map<string, MissingItemMark[]>(codes.map((c) => [c, []]));
  for (const r of rows) out.get(r.station_code)?.push(toMark(r));
  return out;
}
