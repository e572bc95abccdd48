// The round_application table (drafts, statuses with their version, the frozen facts) and its
// history (round_application_transition): the county's writes and every read of
// applications, as rows or entities, one round's or one station's, paged, counted or streamed.
import type { DataSource } from 'typeorm';
import { cursorPages, type CursorPage } from '../../database/cursor-pages.js';
import { RoundApplicationRecord, type CriterionMaterials, type DeclaredMissingItem, type RoundCertification } from '../round-application.entity.js';
import type { StationFactsJson } from '../round-facts.js';
import type { EntityStore } from '../rounds.repository.js';
import type { ApplicationStatus } from '../round-status.js';
import type { DraftCertification } from './application-draft.js';

/** round_application as read (snake_case columns). */
export interface ApplicationRow {
  id: string;
  round_id: string;
  station_code: string;
  status: ApplicationStatus;
  materials: CriterionMaterials[];
  missing_items: DeclaredMissingItem[];
  certification: DraftCertification | null;
  submitted_at: Date | null;
  frozen_facts: StationFactsJson | null;
  frozen_input_hash: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const APPLICATION_COLUMNS = `id, round_id, station_code, status, materials, missing_items, certification, submitted_at, frozen_facts, frozen_input_hash, created_at, updated_at, version`;

/** The stations a key may see: those whose region column is its region (structurally the dashboard's scope filter). */
export interface StationScope {
  column: string;
  code: string;
}

/** One history row; actor_key_id null for the system. */
export interface TransitionRow {
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  at: Date;
  actor_role: string;
  actor_key_id: string | null;
  reason: string | null;
}

/** What scoring an application reads besides the round and its overlay. */
export interface ScoringInputRow {
  id: string;
  frozen_facts: StationFactsJson;
  missing_items: DeclaredMissingItem[];
  certification: RoundCertification | null;
}

/** The scope condition on station `s`, its parameter numbered after the others. */
function scoped(scope: StationScope | null, params: unknown[]): string {
  if (scope === null) return '';
  params.push(scope.code);
  return `AND s.${scope.column} = $${params.length}`;
}

export class RoundApplicationsRepository {
  constructor(private readonly db: EntityStore) {}

  /** The station's application in the round as an entity, FOR UPDATE until the transaction ends. */
  lockRecord(roundId: string, stationCode: string): Promise<RoundApplicationRecord | null> {
    return this.db.getRepository(RoundApplicationRecord).findOne({ where: { roundId, stationCode }, lock: { mode: 'pessimistic_write' } });
  }

  record(roundId: string, stationCode: string): Promise<RoundApplicationRecord | null> {
    return this.db.getRepository(RoundApplicationRecord).findOneBy({ roundId, stationCode });
  }

  /** The application as it is now (it exists: the caller has it locked or just read it). */
  get(id: string): Promise<RoundApplicationRecord> {
    return this.db.getRepository(RoundApplicationRecord).findOneByOrFail({ id });
  }

  /** Applications by id (in station-code order with `byStation`), one statement. */
  byIds(ids: readonly string[], byStation = false): Promise<RoundApplicationRecord[]> {
    const query = this.db.getRepository(RoundApplicationRecord).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids });
    return (byStation ? query.orderBy('a.station_code') : query).getMany();
  }

  /** The round's applications still in review (SUBMITTED or IN_REVIEW) as entities, by station code. */
  inReview(roundId: string): Promise<RoundApplicationRecord[]> {
    return this.db.getRepository(RoundApplicationRecord).find({ where: [{ roundId, status: 'SUBMITTED' }, { roundId, status: 'IN_REVIEW' }], order: { stationCode: 'ASC' } });
  }

  /** The round's REVIEWED applications as entities, by station code. */
  reviewed(roundId: string): Promise<RoundApplicationRecord[]> {
    return this.db.getRepository(RoundApplicationRecord).find({ where: { roundId, status: 'REVIEWED' }, order: { stationCode: 'ASC' } });
  }

  /** The station's application in the round, FOR UPDATE with `lock`. */
  async find(roundId: string, stationCode: string, lock = false): Promise<ApplicationRow | null> {
    const [row] = await this.db.query<ApplicationRow[]>(`SELECT ${APPLICATION_COLUMNS} FROM round_application WHERE round_id = $1 AND station_code = $2${lock ? ' FOR UPDATE' : ''}`, [roundId, stationCode]);
    return row ?? null;
  }

  /** A new DRAFT at version 1; answers its id. */
  async insertDraft(roundId: string, stationCode: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(`INSERT INTO round_application (round_id, station_code, status, version) VALUES ($1, $2, 'DRAFT', 1) RETURNING id`, [roundId, stationCode]);
    return row.id;
  }

  async saveDraft(id: string, draft: { materials: unknown; missingItems: unknown; certification: unknown }): Promise<void> {
    await this.db.query(`UPDATE round_application SET materials = $2::jsonb, missing_items = $3::jsonb, certification = $4::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(draft.materials),
      JSON.stringify(draft.missingItems),
      draft.certification === null ? null : JSON.stringify(draft.certification),
    ]);
  }

  async freeze(id: string, frozen: StationFactsJson, hash: string): Promise<void> {
    await this.db.query(`UPDATE round_application SET frozen_facts = $2::jsonb, frozen_input_hash = $3, submitted_at = now() WHERE id = $1`, [id, JSON.stringify(frozen), hash]);
  }

  async unfreeze(id: string): Promise<void> {
    await this.db.query(`UPDATE round_application SET frozen_facts = NULL, frozen_input_hash = NULL, submitted_at = NULL WHERE id = $1`, [id]);
  }

  /** Moves the status when the row is still at `version`; answers the new version, or undefined when it changed meanwhile. */
  async moveStatus(id: string, to: ApplicationStatus, version: number): Promise<{ version: number } | undefined> {
    const result = await this.db.query<{ version: number }[] | [{ version: number }[], number]>(
      `UPDATE round_application SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 AND version = $3 RETURNING version`,
      [id, to, version],
    );
    // UPDATE … RETURNING answers [rows, count] through TypeORM on PostgreSQL.
    const rows = Array.isArray(result[0]) ? (result[0] as { version: number }[]) : (result as { version: number }[]);
    return rows[0];
  }

  async statusOf(id: string): Promise<string | undefined> {
    const [current] = await this.db.query<{ status: string }[]>(`SELECT status FROM round_application WHERE id = $1`, [id]);
    return current?.status;
  }

  async insertTransition(applicationId: string, from: ApplicationStatus | null, to: ApplicationStatus, actor: { keyId: string | null; role: string }, reason: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO round_application_transition (application_id, from_status, to_status, actor_key_id, actor_role, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      [applicationId, from, to, actor.keyId, actor.role, reason],
    );
  }

  /** One application's history, oldest first. */
  history(applicationId: string): Promise<TransitionRow[]> {
    return this.db.query(`SELECT from_status, to_status, at, actor_role, actor_key_id, reason FROM round_application_transition WHERE application_id = $1 ORDER BY id`, [applicationId]);
  }

  /** Many applications' histories, by application, oldest first. */
  historiesOf(applicationIds: readonly string[]): Promise<{ application_id: string; fromStatus: string | null; toStatus: string; actorRole: string; at: Date; reason: string | null }[]> {
    return this.db.query(
      `SELECT application_id, from_status AS "fromStatus", to_status AS "toStatus", actor_role AS "actorRole", at, reason
       FROM round_application_transition WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, id`,
      [applicationIds],
    );
  }

  /** Up to `limit` applications of stations in counties starting with `countyPrefix`, after station `after`, by station code. */
  page(roundId: string, countyPrefix: string, after: string | null, limit: number): Promise<{ station_code: string; status: string; submitted_at: Date | null; frozen_input_hash: string | null; updated_at: Date }[]> {
    return this.db.query(
      `SELECT a.station_code, a.status, a.submitted_at, a.frozen_input_hash, a.updated_at
       FROM round_application a JOIN station s ON s.code = a.station_code
       WHERE a.round_id = $1 AND s.county_code LIKE $2 || '%' AND ($3::varchar IS NULL OR a.station_code > $3)
       ORDER BY a.station_code LIMIT $4`,
      [roundId, countyPrefix, after, limit],
    );
  }

  /** The round's applications still to review (SUBMITTED, IN_REVIEW), by station code. */
  unreviewed(roundId: string): Promise<{ station_code: string; status: string }[]> {
    return this.db.query(`SELECT station_code, status FROM round_application WHERE round_id = $1 AND status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY station_code`, [roundId]);
  }

  /** What scoring reads of each application. */
  scoringInputs(applicationIds: readonly string[]): Promise<ScoringInputRow[]> {
    return this.db.query(`SELECT id::text AS id, frozen_facts, missing_items, certification FROM round_application WHERE id = ANY($1::uuid[])`, [applicationIds]);
  }

  /** Counts per round and status of the applications in scope. */
  statusCounts(roundIds: readonly string[], scope: StationScope | null): Promise<{ round_id: string; status: string; count: number }[]> {
    const params: unknown[] = [roundIds];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.round_id, a.status, count(*)::int AS count FROM round_application a JOIN station s ON s.code = a.station_code
       WHERE a.round_id = ANY($1::uuid[]) ${where} GROUP BY a.round_id, a.status ORDER BY a.round_id, a.status`,
      params,
    );
  }

  /** Per region (the station's `column`) and status, the round's applications in scope, by region then status. */
  regionCounts(roundId: string, column: string, scope: StationScope | null): Promise<{ region_code: string; region_name: string; status: string; count: number }[]> {
    const params: unknown[] = [roundId];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT s.${column} AS region_code, coalesce(g.name, s.${column}) AS region_name, a.status, count(*)::int AS count
       FROM round_application a JOIN station s ON s.code = a.station_code LEFT JOIN region g ON g.code = s.${column}
       WHERE a.round_id = $1 ${where}
       GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      params,
    );
  }

  /** AWARDED stations of the round in scope, by code. */
  awardedStations(roundId: string, scope: StationScope | null): Promise<{ station_code: string }[]> {
    const params: unknown[] = [roundId];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.station_code FROM round_application a JOIN station s ON s.code = a.station_code WHERE a.round_id = $1 AND a.status = 'AWARDED' ${where} ORDER BY a.station_code`,
      params,
    );
  }

  /** AWARDED stations of the province's rounds in scope, by station code then newest cut-off. */
  awardedInProvince(provinceCode: string, scope: StationScope | null): Promise<{ station_code: string; round_id: string; round_name: string }[]> {
    const params: unknown[] = [provinceCode];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.station_code, r.id AS round_id, r.name AS round_name
       FROM round_application a JOIN rating_round r ON r.id = a.round_id JOIN station s ON s.code = a.station_code
       WHERE r.province_code = $1 AND a.status = 'AWARDED' ${where}
       ORDER BY a.station_code, r.cut_off DESC`,
      params,
    );
  }

  /** The stations' awards (AWARDED or REVOKED) in confirmed rounds, by station, newest round first. */
  awardsOf(codes: readonly string[]): Promise<{ stationCode: string; roundId: string; roundName: string; level: string; status: string; confirmedAt: Date | null }[]> {
    return this.db.query(
      `SELECT a.station_code AS "stationCode", r.id AS "roundId", r.name AS "roundName", r.level, a.status, r.confirmed_at AS "confirmedAt"
       FROM round_application a JOIN rating_round r ON r.id = a.round_id
       WHERE a.station_code = ANY($1::varchar[]) AND a.status IN ('AWARDED', 'REVOKED')
       ORDER BY a.station_code, r.cut_off DESC, r.opened_at DESC`,
      [codes],
    );
  }

  /**
   * A page of the round's applications with the status, in the region (a station column and
   * its code) and in scope, after station `afterCode`, by station code: up to `limit` + 1
   * ids, and how many match in all.
   */
  async filteredPage(roundId: string, filter: { status: string | null; region: StationScope | null; scope: StationScope | null }, afterCode: string | number | null, limit: number): Promise<{ ids: string[]; count: number }> {
    const where: string[] = ['a.round_id = $1'];
    const params: unknown[] = [roundId];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.status !== null) add((n) => `a.status = $${n}`, filter.status);
    const { region, scope } = filter;
    if (region !== null) add((n) => `s.${region.column} = $${n}`, region.code);
    if (scope !== null) add((n) => `s.${scope.column} = $${n}`, scope.code);
    const countParams = [...params];
    const countWhere = [...where];
    if (afterCode !== null) add((n) => `a.station_code > $${n}`, afterCode);
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM round_application a JOIN station s ON s.code = a.station_code WHERE ${where.join(' AND ')} ORDER BY a.station_code LIMIT ${limit + 1}`,
      params,
    );
    const [{ count }] = await this.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM round_application a JOIN station s ON s.code = a.station_code WHERE ${countWhere.join(' AND ')}`, countParams);
    return { ids: rows.map((r) => r.id), count };
  }
}

/**
 * The round's applications with frozen facts (of the given statuses, or all) with their
 * station and its region names, by city, county and station code, through one server-side
 * cursor in one read-only snapshot. The rows are narrow (sorting would otherwise move every
 * row's ≈ 30 KB of frozen facts); stored_digest is set when the round is confirmed and the
 * application has a round_result.
 */
export function applicationResultPages<T>(db: DataSource, roundId: string, confirmed: boolean, statuses: readonly ApplicationStatus[] | null, pageSize: number): AsyncGenerator<CursorPage<T>> {
  return cursorPages<T>(
    db,
    `SELECT a.id::text AS application_id, a.version, a.status, a.station_code, rr.result_digest AS stored_digest,
              s.code, s.name, s.county_code, s.city_code, s.province_code, rc.name AS county_name, ry.name AS city_name, rp.name AS province_name
       FROM round_application a JOIN station s ON s.code = a.station_code
       LEFT JOIN region rc ON rc.code = s.county_code LEFT JOIN region ry ON ry.code = s.city_code LEFT JOIN region rp ON rp.code = s.province_code
       LEFT JOIN round_result rr ON rr.application_id = a.id AND $2::boolean
       WHERE a.round_id = $1 AND a.frozen_facts IS NOT NULL AND ($3::text[] IS NULL OR a.status = ANY($3::text[]))
       ORDER BY s.city_code, s.county_code, s.code`,
    [roundId, confirmed, statuses],
    pageSize,
  );
}
