// Reviewers' criterion assessments (reviewer_assessment) and reasonable missing-item marks
// (missing_item_mark): their reads, the row locks a decision takes and the writes. Each row
// comes back with the rubric's display code (and a criterion's maximum) beside it.
// AssessmentsService decides (role, station lock, validation, audit, outbox).
import type { Queryable } from '../database/queryable.js';
import { returnedRows } from '../database/returned-rows.js';
import { getRubric, getRubricIndex } from '../rubric/index.js';

/** A reviewer's score of one criterion, with the criterion's code and maximum. */
export interface AssessedCriterion {
  stationCode: string;
  rubricVersion: string;
  criterionId: string;
  criterionCode: string;
  points: number;
  max: number;
  note: string;
  evidenceRefs: string[];
  assessedBy: string | null;
  assessedAt: Date;
}

/** A reasonable missing item marked by a reviewer (a criterion or a third-level indicator), with its code. */
export interface MarkedMissingItem {
  stationCode: string;
  rubricVersion: string;
  itemId: string;
  itemCode: string;
  justification: string;
  markedBy: string | null;
  markedAt: Date;
}

/** Which row of a station's decisions: the station, the rubric version and the criterion or item id. */
export interface DecisionKey {
  stationCode: string;
  rubricVersion: string;
  id: string;
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

interface MarkRow {
  station_code: string;
  rubric_version: string;
  item_id: string;
  justification: string;
  marked_by: string | null;
  marked_at: Date;
}

const ASSESSMENT_COLUMNS = `station_code, rubric_version, criterion_id, points::float8 AS points, note, evidence_refs, assessed_by, assessed_at`;
const MARK_COLUMNS = `station_code, rubric_version, item_id, justification, marked_by, marked_at`;

const indexOf = (version: string) => getRubricIndex(getRubric(version));

function toAssessment(r: AssessmentRow): AssessedCriterion {
  const m = indexOf(r.rubric_version).criterionById.get(r.criterion_id);
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

/** A criterion's or a third-level indicator's display code ("32③" or "32"). */
function itemCode(version: string, id: string): string | undefined {
  const index = indexOf(version);
  const indicator = index.indicatorById.get(id);
  return index.criterionById.get(id)?.code ?? (indicator?.level === 3 ? indicator.code : undefined);
}

function toMark(r: MarkRow): MarkedMissingItem {
  return {
    stationCode: r.station_code,
    rubricVersion: r.rubric_version,
    itemId: r.item_id,
    itemCode: itemCode(r.rubric_version, r.item_id) ?? r.item_id,
    justification: r.justification,
    markedBy: r.marked_by,
    markedAt: r.marked_at,
  };
}

/** Position of a criterion in its rubric (unknown ones last). */
function rubricOrder(version: string, id: string): number {
  return indexOf(version).criterionOrdinal.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export class AssessmentsRepository {
  constructor(private readonly db: Queryable) {}

  /** Each station's assessments (every code asked for has an entry), in rubric order. */
  async assessmentsOf(codes: readonly string[]): Promise<Map<string, AssessedCriterion[]>> {
    const rows = await this.db.query<AssessmentRow[]>(`SELECT ${ASSESSMENT_COLUMNS} FROM reviewer_assessment WHERE station_code = ANY($1::varchar[])`, [codes]);
    const out = new Map<string, AssessedCriterion[]>(codes.map((c) => [c, []]));
    for (const r of rows) out.get(r.station_code)?.push(toAssessment(r));
    for (const list of out.values()) list.sort((a, b) => rubricOrder(a.rubricVersion, a.criterionId) - rubricOrder(b.rubricVersion, b.criterionId));
    return out;
  }

  /** Each station's missing-item marks (every code asked for has an entry), by item id. */
  async marksOf(codes: readonly string[]): Promise<Map<string, MarkedMissingItem[]>> {
    const rows = await this.db.query<MarkRow[]>(`SELECT ${MARK_COLUMNS} FROM missing_item_mark WHERE station_code = ANY($1::varchar[]) ORDER BY station_code, item_id`, [codes]);
    const out = new Map<string, MarkedMissingItem[]>(codes.map((c) => [c, []]));
    for (const r of rows) out.get(r.station_code)?.push(toMark(r));
    return out;
  }

  /** The assessment of a criterion, its row locked for the transaction; null when none. */
  async lockedAssessment(key: DecisionKey): Promise<AssessedCriterion | null> {
    const [row] = await this.db.query<AssessmentRow[]>(
      `SELECT ${ASSESSMENT_COLUMNS} FROM reviewer_assessment WHERE station_code = $1 AND rubric_version = $2 AND criterion_id = $3 FOR UPDATE`,
      [key.stationCode, key.rubricVersion, key.id],
    );
    return row ? toAssessment(row) : null;
  }

  async saveAssessment(key: DecisionKey, value: { points: number; note: string; evidenceRefs: string[] }, assessedBy: string | null): Promise<AssessedCriterion> {
    const [row] = await this.db.query<AssessmentRow[]>(
      `INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note, evidence_refs, assessed_by, assessed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (station_code, rubric_version, criterion_id) DO UPDATE SET
         points = EXCLUDED.points, note = EXCLUDED.note, evidence_refs = EXCLUDED.evidence_refs, assessed_by = EXCLUDED.assessed_by, assessed_at = now()
       RETURNING ${ASSESSMENT_COLUMNS}`,
      [key.stationCode, key.rubricVersion, key.id, value.points, value.note, value.evidenceRefs, assessedBy],
    );
    return toAssessment(row);
  }

  /** The mark of an item, its row locked for the transaction; null when none. */
  async lockedMark(key: DecisionKey): Promise<MarkedMissingItem | null> {
    const [row] = await this.db.query<MarkRow[]>(`SELECT ${MARK_COLUMNS} FROM missing_item_mark WHERE station_code = $1 AND rubric_version = $2 AND item_id = $3 FOR UPDATE`, [
      key.stationCode,
      key.rubricVersion,
      key.id,
    ]);
    return row ? toMark(row) : null;
  }

  async saveMark(key: DecisionKey, justification: string, markedBy: string | null): Promise<MarkedMissingItem> {
    const [row] = await this.db.query<MarkRow[]>(
      `INSERT INTO missing_item_mark (station_code, rubric_version, item_id, justification, marked_by, marked_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (station_code, rubric_version, item_id) DO UPDATE SET justification = EXCLUDED.justification, marked_by = EXCLUDED.marked_by, marked_at = now()
       RETURNING ${MARK_COLUMNS}`,
      [key.stationCode, key.rubricVersion, key.id, justification, markedBy],
    );
    return toMark(row);
  }

  /** Deletes the mark of an item; what it was, or null when there was none. */
  async deleteMark(key: DecisionKey): Promise<MarkedMissingItem | null> {
    const [row] = returnedRows<MarkRow>(
      await this.db.query(`DELETE FROM missing_item_mark WHERE station_code = $1 AND rubric_version = $2 AND item_id = $3 RETURNING ${MARK_COLUMNS}`, [
        key.stationCode,
        key.rubricVersion,
        key.id,
      ]),
    );
    return row ? toMark(row) : null;
  }
}
