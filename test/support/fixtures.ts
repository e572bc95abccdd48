// Test fixtures written straight into the tables (not through the push API), for tests of
// scoring, recompute and GraphQL that need stations without exercising ingestion.
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { StationBundle } from '../../src/domain/station-data.js';
import { ensureRegionChain } from './test-app.js';

type Db = DataSource | EntityManager;

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Inserts one whole station (and its county's region chain). */
export async function insertStationBundle(db: Db, bundle: StationBundle): Promise<void> {
  const manager = 'manager' in db ? db.manager : db;
  await ensureRegionChain(manager, bundle.profile.countyCode);
  const p = bundle.profile;
  await manager.query(
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest)
     VALUES ($1, $2, $3::char(6), substr($3::text, 1, 4) || '00', substr($3::text, 1, 2) || '0000', $4, $5, $6, $7, $8, $9, $10)`,
    [bundle.code, p.name, p.countyCode, p.approvedHeadcount, p.duties, p.premises.independent, p.premises.rooms, p.premises.internet, p.premises.privateNetwork, digest(p)],
  );
  for (const person of bundle.personnel) {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO person (station_code, external_id, name, position, birth_month, education, major, major_category, staffing_type, enforcement_cert_no,
                           se_cert_number, se_cert_class, se_cert_expires_on, hired_on, seconded_months, last_health_check_on, information_administrator, row_digest, left_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
      [
        bundle.code,
        person.externalId,
        person.name,
        person.position,
        person.birthMonth,
        person.education,
        person.major,
        person.majorCategory,
        person.staffingType,
        person.enforcementCertNo,
        person.specialEquipmentCert?.number ?? null,
        person.specialEquipmentCert?.class ?? null,
        person.specialEquipmentCert?.expiresOn ?? null,
        person.hiredOn,
        person.secondedMonths,
        person.lastHealthCheckOn,
        person.informationAdministrator,
        digest(person),
        person.leftOn ?? null,
      ],
    );
    for (const t of person.trainings) {
      await manager.query(
        `INSERT INTO person_training (person_id, year, offline_days, offline_hours, online_hours, provincial_trainings) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, t.year, t.offlineDays, t.offlineHours, t.onlineHours, t.provincialTrainings],
      );
    }
    for (const d of person.disciplinaryRecords) {
      await manager.query(`INSERT INTO person_disciplinary_record (person_id, date, kind, description) VALUES ($1, $2, $3, $4)`, [id, d.date, d.kind, d.description]);
    }
  }
  for (const e of bundle.equipment) {
    await manager.query(`INSERT INTO equipment (station_code, external_id, type, quantity, status, acquired_on, row_digest) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      bundle.code,
      e.externalId,
      e.type,
      e.quantity,
      e.status,
      e.acquiredOn,
      digest(e),
    ]);
  }
  for (const c of bundle.cases) {
    await manager.query(
      `INSERT INTO enforcement_case (station_code, case_number, procedure, target, violation, filed_on, decided_on, closed_on, entered_on, archived, publicised,
                                     full_process_recorded, major_decision, legal_reviewed, file_review, overturned, fine_amount, confiscation_amount, minor_violation_exempted, row_digest,
                                     file_reviewed_on, overturned_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        bundle.code,
        c.caseNumber,
        c.procedure,
        c.target,
        c.violation,
        c.filedOn,
        c.decidedOn,
        c.closedOn,
        c.enteredOn,
        c.archived,
        c.publicised,
        c.fullProcessRecorded,
        c.majorDecision,
        c.legalReviewed,
        c.fileReview,
        c.overturned,
        c.fineAmount,
        c.confiscationAmount,
        c.minorViolationExempted,
        digest(c),
        c.fileReviewedOn ?? null,
        c.overturnedOn ?? null,
      ],
    );
  }
  for (const f of bundle.complaintFigures) {
    const [year, month] = f.period.split('-').map(Number);
    await manager.query(
      `INSERT INTO complaint_figures (station_code, period, year, month, complaints_received, complaints_checked_on_time, complaints_closed, complaints_closed_on_time,
                                      mediations_attempted, mediations_succeeded, reports_received, reports_verified_on_time, real_name_reports, real_name_reporters_notified, row_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        bundle.code,
        f.period,
        year,
        month ?? null,
        f.complaintsReceived,
        f.complaintsCheckedOnTime,
        f.complaintsClosed,
        f.complaintsClosedOnTime,
        f.mediationsAttempted,
        f.mediationsSucceeded,
        f.reportsReceived,
        f.reportsVerifiedOnTime,
        f.realNameReports,
        f.realNameReportersNotified,
        digest(f),
      ],
    );
  }
  for (const c of bundle.certifications) {
    const items = Array.from({ length: 12 }, (_, i) => c.items[String(i + 1) as keyof typeof c.items] === true);
    await manager.query(`INSERT INTO certification (station_code, year, items, certified_by, certified_on, row_digest) VALUES ($1, $2, $3, $4, $5, $6)`, [
      bundle.code,
      c.year,
      items,
      c.certifiedBy,
      c.certifiedOn,
      digest(c),
    ]);
  }
  for (const b of bundle.bonusEvents) {
    await manager.query(
      `INSERT INTO bonus_event (station_code, event_key, category, level, date, subject, description, points, row_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [bundle.code, b.eventKey, b.category, b.level, b.date, b.subject, b.description, b.points, digest(b)],
    );
  }
  for (const v of bundle.vetoEvents) {
    await manager.query(
      `INSERT INTO veto_event (station_code, kind, date, description, person_external_id, origin, content_digest) VALUES ($1, $2, $3, $4, $5, 'PUSHED', $6)`,
      [bundle.code, v.kind, v.date, v.description, v.personExternalId, digest(v)],
    );
  }
  for (const r of bundle.annualReviews) {
    await manager.query(`INSERT INTO annual_review (station_code, year, subject, result) VALUES ($1, $2, $3, $4)`, [bundle.code, r.year, r.subject, r.result]);
  }
}

/** Upserts the national mediation averages. */
export async function insertMediationAverages(db: Db, averages: { year: number; rate: number }[]): Promise<void> {
  const manager = 'manager' in db ? db.manager : db;
  for (const a of averages) {
    await manager.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate`, [a.year, a.rate]);
  }
}
