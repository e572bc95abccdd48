// Smaller reads batched by the request's loaders: vetoes, reviewer assessments,
// missing-item marks, and the vetoes of a region.
import type { MissingItemMark, ReviewerAssessment } from '../types/review.types.js';
import type { Veto } from '../types/veto.types.js';
import { rubricMeta } from '../loaders/rubric-meta.js';
import { regionColumn } from '../permissions.js';
import type { Queryable } from '../../database/queryable.js';

interface VetoRow {
  id: string;
  station_code: string;
  kind: string;
  date: string;
  description: string;
  person_external_id: string | null;
  origin: string;
  created_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export const VETO_COLUMNS = `v.id, v.station_code, v.kind, v.date, v.description, v.person_external_id, v.origin, v.created_at, v.lifted_at, v.lifted_by, v.lift_reason`;

export function toVeto(r: VetoRow): Veto {
  return {
    id: r.id,
    stationCode: r.station_code,
    kind: r.kind,
    date: r.date,
    description: r.description,
    personExternalId: r.person_external_id,
    origin: r.origin,
    createdAt: r.created_at,
    lifted: r.lifted_at !== null,
    liftedAt: r.lifted_at,
    liftedBy: r.lifted_by,
    liftReason: r.lift_reason,
  };
}

/** Every veto of each station (lifted ones too), newest first. */
export async function loadStationVetoes(db: Queryable, codes: readonly string[]): Promise<Map<string, Veto[]>> {
  const rows = await db.query<VetoRow[]>(`SELECT ${VETO_COLUMNS} FROM veto_event v WHERE v.station_code = ANY($1::varchar[]) ORDER BY v.date DESC, v.id`, [codes]);
  const out = new Map<string, Veto[]>(codes.map((c) => [c, []]));
  for (const r of rows) out.get(r.station_code)?.push(toVeto(r));
  return out;
}

/** Vetoes of the stations of a region, newest first. */
export async function loadRegionVetoes(db: Queryable, regionCode: string, includeLifted: boolean, limit: number): Promise<Veto[]> {
  const rows = await db.query<VetoRow[]>(
    `SELECT ${VETO_COLUMNS} FROM veto_event v JOIN station s ON s.code = v.station_code
     WHERE s.${regionColumn(regionCode)} = $1 AND ($2 OR v.lifted_at IS NULL)
     ORDER BY v.date DESC, v.id LIMIT $3`,
    [regionCode, includeLifted, limit],
  );
  return rows.map(toVeto);
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
