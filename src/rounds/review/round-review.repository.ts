// The reviewers' records on applications: material reviews (round_criterion_review),
// inspections (round_inspection), missing-item decisions (round_missing_item_decision),
// objections (round_objection) and award revocations (round_award_revocation); and the live
// veto events a round's overlay reads in its window.
import type { DeepPartial } from 'typeorm';
import type { VetoEvent } from '../../domain/station-data.js';
import { RoundObjectionRecord, type InspectionAdjustment } from '../round-review.entities.js';
import type { EntityStore } from '../../database/queryable.js';

/** Reviews, inspections and decisions of one application, as JSON (round-overlay.ts). */
export interface OverlayRow {
  application_id: string;
  station_code: string;
  reviews: { criterionId: string; points: number; note: string }[];
  inspections: { date: string; recordedAt: string; adjustments: InspectionAdjustment[] }[];
  decisions: { itemId: string; accepted: boolean }[];
}

/** A veto event of a station as the overlay reads it (date as YYYY-MM-DD). */
export type VetoRow = Pick<VetoEvent, 'id' | 'kind' | 'date' | 'description'> & { station_code: string; person_external_id: string | null; lifted: boolean };

/** The keys of one application's records as the batched reads return them. */
type OfApplication<T> = T & { application_id: string };

export class RoundReviewRepository {
  constructor(private readonly db: EntityStore) {}

  async insertObjection(objection: DeepPartial<RoundObjectionRecord>): Promise<RoundObjectionRecord> {
    const repository = this.db.getRepository(RoundObjectionRecord);
    return repository.save(repository.create(objection));
  }

  /** The objection as it is now (it exists). */
  objection(id: string): Promise<RoundObjectionRecord> {
    return this.db.getRepository(RoundObjectionRecord).findOneByOrFail({ id });
  }

  /** The objection, FOR UPDATE until the transaction ends (it exists). */
  lockObjection(id: string): Promise<RoundObjectionRecord> {
    return this.db.getRepository(RoundObjectionRecord).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** One row per application id given (unique ids). */
  overlays(applicationIds: readonly string[]): Promise<OverlayRow[]> {
    return this.db.query(
      `SELECT a.id AS application_id, a.station_code,
       coalesce((SELECT jsonb_agg(jsonb_build_object('criterionId', r.criterion_id, 'points', r.points::float8, 'note', r.note) ORDER BY r.criterion_id)
                 FROM round_criterion_review r WHERE r.application_id = a.id), '[]'::jsonb) AS reviews,
       coalesce((SELECT jsonb_agg(jsonb_build_object('date', i.date, 'recordedAt', i.recorded_at, 'adjustments', i.adjustments) ORDER BY i.date, i.recorded_at)
                 FROM round_inspection i WHERE i.application_id = a.id), '[]'::jsonb) AS inspections,
       coalesce((SELECT jsonb_agg(jsonb_build_object('itemId', d.item_id, 'accepted', d.accepted) ORDER BY d.item_id)
                 FROM round_missing_item_decision d WHERE d.application_id = a.id), '[]'::jsonb) AS decisions
     FROM round_application a WHERE a.id = ANY($1::uuid[])`,
      [applicationIds],
    );
  }

  /** Veto events of the stations dated within [from, to], by station, date and id. */
  vetoesBetween(codes: readonly string[], from: string, to: string): Promise<VetoRow[]> {
    return this.db.query(
      `SELECT id, station_code, kind, to_char(date, 'YYYY-MM-DD') AS date, description, person_external_id, lifted_at IS NOT NULL AS lifted
     FROM veto_event WHERE station_code = ANY($1::varchar[]) AND date BETWEEN $2::date AND $3::date ORDER BY station_code, date, id`,
      [codes, from, to],
    );
  }

  /** Reviews, inspections and decisions recorded on the application, together. */
  async recordCount(applicationId: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM round_criterion_review WHERE application_id = $1) + (SELECT count(*) FROM round_inspection WHERE application_id = $1) + (SELECT count(*) FROM round_missing_item_decision WHERE application_id = $1) AS n`,
      [applicationId],
    );
    return Number(n);
  }

  async review(applicationId: string, criterionId: string): Promise<{ points: number; note: string } | undefined> {
    const [before] = await this.db.query<{ points: number; note: string }[]>(
      `SELECT points::float8 AS points, note FROM round_criterion_review WHERE application_id = $1 AND criterion_id = $2`,
      [applicationId, criterionId],
    );
    return before;
  }

  /** The criterion's review becomes this one (reviewed now). */
  async upsertReview(review: { applicationId: string; criterionId: string; points: number | null; note: string | null; fileIds: readonly string[]; reviewedBy: string | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO round_criterion_review (application_id, criterion_id, points, note, file_ids, reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5::uuid[], $6, now())
         ON CONFLICT (application_id, criterion_id) DO UPDATE SET points = EXCLUDED.points, note = EXCLUDED.note, file_ids = EXCLUDED.file_ids, reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now()`,
      [review.applicationId, review.criterionId, review.points, review.note, review.fileIds, review.reviewedBy],
    );
  }

  async insertInspection(inspection: { applicationId: string; date: string | null; inspectors: (string | null)[]; findings: string | null; adjustments: InspectionAdjustment[]; recordedBy: string | null }): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO round_inspection (application_id, date, inspectors, findings, adjustments, recorded_by) VALUES ($1, $2, $3::text[], $4, $5::jsonb, $6) RETURNING id`,
      [inspection.applicationId, inspection.date, inspection.inspectors, inspection.findings, JSON.stringify(inspection.adjustments), inspection.recordedBy],
    );
    return row.id;
  }

  async decision(applicationId: string, itemId: string): Promise<{ accepted: boolean; reason: string } | undefined> {
    const [before] = await this.db.query<{ accepted: boolean; reason: string }[]>(`SELECT accepted, reason FROM round_missing_item_decision WHERE application_id = $1 AND item_id = $2`, [applicationId, itemId]);
    return before;
  }

  /** The item's decision becomes this one (decided now). */
  async upsertDecision(decision: { applicationId: string; itemId: string; accepted: boolean; reason: string | null; decidedBy: string | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO round_missing_item_decision (application_id, item_id, accepted, reason, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (application_id, item_id) DO UPDATE SET accepted = EXCLUDED.accepted, reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [decision.applicationId, decision.itemId, decision.accepted, decision.reason, decision.decidedBy],
    );
  }

  /** The round and station of the application an objection is against. */
  async objectionTarget(objectionId: string): Promise<{ round_id: string; station_code: string } | undefined> {
    const [found] = await this.db.query<{ round_id: string; station_code: string }[]>(
      `SELECT a.round_id, a.station_code FROM round_objection o JOIN round_application a ON a.id = o.application_id WHERE o.id = $1`,
      [objectionId],
    );
    return found;
  }

  async resolveObjection(objectionId: string, status: 'UPHELD' | 'DISMISSED', reason: string | null, resolvedBy: string | null): Promise<void> {
    await this.db.query(`UPDATE round_objection SET status = $2, resolution_reason = $3, resolved_by = $4, resolved_at = now() WHERE id = $1`, [objectionId, status, reason, resolvedBy]);
  }

  /** The round's OPEN objections, by station code and id. */
  openObjections(roundId: string): Promise<{ station_code: string; id: string }[]> {
    return this.db.query(
      `SELECT a.station_code, o.id FROM round_objection o JOIN round_application a ON a.id = o.application_id WHERE a.round_id = $1 AND o.status = 'OPEN' ORDER BY a.station_code, o.id`,
      [roundId],
    );
  }

  async insertRevocation(applicationId: string, reason: string | null, revokedBy: string | null): Promise<void> {
    await this.db.query(`INSERT INTO round_award_revocation (application_id, reason, revoked_by) VALUES ($1, $2, $3)`, [applicationId, reason, revokedBy]);
  }

  /** The applications' reviews, by application and criterion. */
  reviewsOf(applicationIds: readonly string[]): Promise<OfApplication<{ criterionId: string; points: number; note: string; fileIds: string[]; reviewedAt: Date }>[]> {
    return this.db.query(
      `SELECT application_id, criterion_id AS "criterionId", points::float8 AS points, note, file_ids::text[] AS "fileIds", reviewed_at AS "reviewedAt"
       FROM round_criterion_review WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, criterion_id`,
      [applicationIds],
    );
  }

  /** The applications' inspections, by application, date and recording time. */
  inspectionsOf(applicationIds: readonly string[]): Promise<OfApplication<{ id: string; date: string; inspectors: string[]; findings: string; adjustments: InspectionAdjustment[]; recordedAt: Date }>[]> {
    return this.db.query(
      `SELECT application_id, id, to_char(date, 'YYYY-MM-DD') AS date, inspectors, findings, adjustments, recorded_at AS "recordedAt"
       FROM round_inspection WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, date, recorded_at`,
      [applicationIds],
    );
  }

  decisionsOf(applicationIds: readonly string[]): Promise<OfApplication<{ itemId: string; accepted: boolean; reason: string; decidedAt: Date }>[]> {
    return this.db.query(
      `SELECT application_id, item_id AS "itemId", accepted, reason, decided_at AS "decidedAt" FROM round_missing_item_decision WHERE application_id = ANY($1::uuid[])`,
      [applicationIds],
    );
  }

  /** One application's decisions (no time). */
  decisionsOfOne(applicationId: string): Promise<{ itemId: string; accepted: boolean; reason: string }[]> {
    return this.db.query(`SELECT item_id AS "itemId", accepted, reason FROM round_missing_item_decision WHERE application_id = $1`, [applicationId]);
  }

  /** The applications' objections with their station, by application, recording time and id. */
  objectionsOf(applicationIds: readonly string[]): Promise<
    OfApplication<{ id: string; stationCode: string; receivedOn: string; fromWhom: string; content: string; status: string; resolutionReason: string | null; resolvedAt: Date | null; recordedAt: Date }>[]
  > {
    return this.db.query(
      `SELECT o.application_id, o.id, a.station_code AS "stationCode", to_char(o.received_on, 'YYYY-MM-DD') AS "receivedOn", o.from_whom AS "fromWhom", o.content, o.status,
              o.resolution_reason AS "resolutionReason", o.resolved_at AS "resolvedAt", o.recorded_at AS "recordedAt"
       FROM round_objection o JOIN round_application a ON a.id = o.application_id WHERE o.application_id = ANY($1::uuid[]) ORDER BY o.application_id, o.recorded_at, o.id`,
      [applicationIds],
    );
  }

  revocationsOf(applicationIds: readonly string[]): Promise<{ application_id: string; reason: string }[]> {
    return this.db.query(`SELECT application_id, reason FROM round_award_revocation WHERE application_id = ANY($1::uuid[])`, [applicationIds]);
  }
}
