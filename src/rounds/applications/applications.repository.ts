// The round_application table (drafts, statuses with their version, the frozen facts) and its
// history (round_application_transition): the writes and the reads of given applications,
// as rows or entities. Lists over a round or province: application-lists.repository.ts.
import { RoundApplicationRecord, type CriterionMaterials, type DeclaredMissingItem, type RoundCertification } from '../round-application.entity.js';
import type { StationFactsJson } from '../round-facts.js';
import type { EntityStore } from '../../database/queryable.js';
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

  /** The round's applications still to review (SUBMITTED, IN_REVIEW), by station code. */
  unreviewed(roundId: string): Promise<{ station_code: string; status: string }[]> {
    return this.db.query(`SELECT station_code, status FROM round_application WHERE round_id = $1 AND status IN ('SUBMITTED', 'IN_REVIEW') ORDER BY station_code`, [roundId]);
  }

  /** What scoring reads of each application. */
  scoringInputs(applicationIds: readonly string[]): Promise<ScoringInputRow[]> {
    return this.db.query(`SELECT id::text AS id, frozen_facts, missing_items, certification FROM round_application WHERE id = ANY($1::uuid[])`, [applicationIds]);
  }

}
