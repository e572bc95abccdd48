import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { NamedCheck, bigintAsNumber, inList, numericAsNumber } from '../database/columns.js';
import { RatingRoundRecord } from '../rounds/rating-round.entity.js';
import { Station } from '../stations/station.entity.js';

export const CRITERION_SOURCES = ['DATA', 'ATTESTED', 'ASSESSED'] as const;
export const CRITERION_STATUSES = ['MET', 'PARTLY_MET', 'NOT_MET', 'MISSING_ITEM', 'PENDING_ASSESSMENT'] as const;

/**
 * One computed score of a station: written when a recompute's result differs from the
 * station's current one, never updated afterwards, so the history can be replayed.
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

  @ManyToOne(() => Station, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_score_snapshot_station' })
  station?: Relation<Station>;

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
}

/** Points of one indicator (any level) in a snapshot. */
@Entity('score_indicator')
@NamedCheck('ck_score_indicator_level', `"level" BETWEEN 1 AND 3`)
@NamedCheck('ck_score_indicator_points', `"points" >= 0 AND "points" <= "max" AND "applicable_max" <= "max"`)
export class ScoreIndicatorRecord {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  snapshotId: number;

  @ManyToOne(() => ScoreSnapshotRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_score_indicator_snapshot' })
  snapshot?: Relation<ScoreSnapshotRecord>;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  indicatorId: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericAsNumber })
  points: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericAsNumber })
  max: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericAsNumber })
  applicableMax: number;
}

/** Points, status and reason of one criterion in a snapshot. */
@Entity('score_criterion')
@NamedCheck('ck_score_criterion_source', inList('source', CRITERION_SOURCES))
@NamedCheck('ck_score_criterion_status', inList('status', CRITERION_STATUSES))
@NamedCheck('ck_score_criterion_points', `"points" >= 0 AND "points" <= "max"`)
export class ScoreCriterionRecord {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  snapshotId: number;

  @ManyToOne(() => ScoreSnapshotRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_score_criterion_snapshot' })
  snapshot?: Relation<ScoreSnapshotRecord>;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  criterionId: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericAsNumber })
  points: number;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericAsNumber })
  max: number;

  @Column({ type: 'varchar', length: 8 })
  source: string;

  @Column({ type: 'boolean', default: false })
  assessed: boolean;

  @Column({ type: 'varchar', length: 24 })
  status: string;

  @Column({ type: 'text' })
  reason: string;
}
