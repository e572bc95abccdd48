import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { NamedCheck, numericAsNumber } from '../database/columns.js';
import { RatingRoundRecord } from '../rounds/rating-round.entity.js';
import { StationRecord } from '../stations/station.entity.js';

/**
 * One computed score of a station: written when a recompute's result differs from the
 * station's current one, never updated afterwards (a trigger refuses updates of what it
 * says), so the history can be replayed. One row holds the whole score, criteria and
 * indicators included.
 */
@Entity('score_snapshot')
@Index('ix_score_snapshot_station', ['stationCode', 'computedAt'])
@NamedCheck('ck_score_snapshot_stars', `"stars" BETWEEN 0 AND 5`)
@NamedCheck('ck_score_snapshot_points', `"raw" >= 0 AND "applicable" >= 0 AND "applicable" <= 100 AND "bonus" >= 0 AND "bonus" <= 10`)
@NamedCheck('ck_score_snapshot_eligible', `"eligible" OR "stars" = 0`)
export class ScoreSnapshotRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_score_snapshot_station' })
  station?: Relation<StationRecord>;

  /** Null for the rolling "current" evaluation; set for a rating round. */
  @Column({ type: 'uuid', nullable: true })
  roundId: string | null;

  @ManyToOne(() => RatingRoundRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_score_snapshot_round' })
  round?: Relation<RatingRoundRecord>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;

  @Column({ type: 'date' })
  cutOff: string;

  @Column({ type: 'varchar', length: 32 })
  rubricVersion: string;

  @Column({ type: 'varchar', length: 64 })
  starPolicyId: string;

  @Column({ type: 'char', length: 64 })
  inputHash: string;

  /** Digest of the result alone (points, statuses, stars, vetoes): tells whether a score changed. */
  @Column({ type: 'char', length: 64 })
  resultDigest: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  raw: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  applicable: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  rebased: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericAsNumber })
  bonus: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  total: number;

  @Column({ type: 'smallint' })
  stars: number;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ type: 'smallint' })
  pendingCount: number;

  @Column({ type: 'smallint' })
  missingCount: number;

  @Column({ type: 'text', nullable: true })
  rebaseNote: string | null;

  @Column({ type: 'jsonb' })
  blockingVetoes: unknown[];

  @Column({ type: 'jsonb' })
  starLevels: unknown[];

  @Column({ type: 'jsonb' })
  bonusItems: unknown[];

  @Column({ type: 'jsonb' })
  missingItems: unknown[];

  /**
   * Every criterion's result in rubric order, one array each:
   * [criterion_id, points, max, source, assessed, status, reason] (StoredCriterion). Kept in
   * the snapshot row rather than 121 rows of their own; the view score_criterion unnests it.
   * json rather than jsonb: stored as written (no parse into binary on insert, none back to
   * text on read), lz4-compressed where the server has it (migration CompactScoreSnapshots).
   */
  @Column({ type: 'json', default: () => "'[]'" })
  criteria: StoredCriterion[];

  /** Every indicator's points, depth first in rubric order: [indicator_id, level, points, max, applicable_max]; view score_indicator. */
  @Column({ type: 'json', default: () => "'[]'" })
  indicators: StoredIndicator[];
}

export type StoredCriterion = [id: string, points: number, max: number, source: string, assessed: boolean, status: string, reason: string];
export type StoredIndicator = [id: string, level: number, points: number, max: number, applicableMax: number];
