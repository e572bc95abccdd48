// The rating_round table: rounds as entities (read, locked, inserted), the status steps of
// a round (each moves its version) and what opening one checks.
import type { DeepPartial } from 'typeorm';
import type { EntityStore } from '../database/queryable.js';
import { RatingRoundRecord } from './rating-round.entity.js';

/** Row lock of an entity read: FOR SHARE (read) or FOR UPDATE (write). */
export type RowLock = 'pessimistic_read' | 'pessimistic_write';

export class RoundsRepository {
  constructor(private readonly db: EntityStore) {}

  async insert(round: DeepPartial<RatingRoundRecord>): Promise<RatingRoundRecord> {
    const repository = this.db.getRepository(RatingRoundRecord);
    return repository.save(repository.create(round));
  }

  /** The round, locked until the transaction ends when `lock` is given; null when unknown. */
  find(id: string, lock?: RowLock): Promise<RatingRoundRecord | null> {
    return this.db.getRepository(RatingRoundRecord).findOne({ where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
  }

  findById(id: string): Promise<RatingRoundRecord | null> {
    return this.db.getRepository(RatingRoundRecord).findOneBy({ id });
  }

  /** The round as it is now (it exists: the caller has it locked). */
  get(id: string): Promise<RatingRoundRecord> {
    return this.db.getRepository(RatingRoundRecord).findOneByOrFail({ id });
  }

  /** Rounds of a province (or all), newest first. */
  list(provinceCode: string | null): Promise<RatingRoundRecord[]> {
    return this.db.getRepository(RatingRoundRecord).find({
      where: provinceCode === null ? {} : { provinceCode },
      order: { openedAt: 'DESC', id: 'ASC' },
    });
  }

  /** Rounds by id (any order), one statement. */
  byIds(ids: readonly string[]): Promise<RatingRoundRecord[]> {
    return this.db.getRepository(RatingRoundRecord).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
  }

  /** Serialises openings of rounds in one province until the transaction ends (one name per province). */
  async lockProvince(provinceCode: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('rating_round:' || $1))`, [provinceCode]);
  }

  async idByName(provinceCode: string, name: string): Promise<string | undefined> {
    const [same] = await this.db.query<{ id: string }[]>(`SELECT id FROM rating_round WHERE province_code = $1 AND name = $2`, [provinceCode, name]);
    return same?.id;
  }

  /** OPEN → REVIEW when the deadline has passed; true when it closed now. */
  async closeIfDue(roundId: string): Promise<boolean> {
    const closed = await this.db.query<{ id: string }[]>(
      `UPDATE rating_round SET status = 'REVIEW', applications_closed_at = now(), version = version + 1
         WHERE id = $1 AND status = 'OPEN' AND application_deadline <= now() RETURNING id`,
      [roundId],
    );
    const rows = Array.isArray(closed[0]) ? (closed[0] as { id: string }[]) : closed;
    return rows.length > 0;
  }

  /** OPEN → REVIEW now (status and applications_closed_at in one UPDATE: the table's check ties them). */
  async closeApplications(roundId: string): Promise<void> {
    await this.db.query(`UPDATE rating_round SET status = 'REVIEW', applications_closed_at = now(), version = version + 1 WHERE id = $1 AND status = 'OPEN'`, [roundId]);
  }

  async publish(roundId: string, from: string | null, to: string): Promise<void> {
    await this.db.query(
      `UPDATE rating_round SET status = 'PUBLICIZING', published_at = now(), publication_from = $2, publication_to = $3, version = version + 1 WHERE id = $1`,
      [roundId, from, to],
    );
  }

  async confirm(roundId: string, confirmedBy: string | null, earlyReason: string | null, chainHead: string | null): Promise<void> {
    await this.db.query(
      `UPDATE rating_round SET status = 'CONFIRMED', confirmed_at = now(), confirmed_by = $2, early_confirm_reason = $3, chain_head = $4, version = version + 1 WHERE id = $1`,
      [roundId, confirmedBy, earlyReason, chainHead],
    );
  }
}
