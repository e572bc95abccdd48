import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NamedCheck, bigintAsNumber, numericAsNumber } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';
import { ScoreSnapshotRecord } from './score-snapshot.entity.js';

/**
 * A station's current score: the latest snapshot's headline figures, kept beside the
 * station so that dashboards filter and rank without touching snapshot history.
 */
@Entity('station_score')
@Index('ix_station_score_total', ['total', 'stationCode'])
@Index('ix_station_score_stars', ['stars', 'stationCode'])
@NamedCheck('ck_station_score_stars', `"stars" BETWEEN 0 AND 5`)
export class StationScoreRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  stationCode: string;

  @OneToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_station_score_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  snapshotId: number;

  @ManyToOne(() => ScoreSnapshotRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_station_score_snapshot' })
  snapshot?: Relation<ScoreSnapshotRecord>;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  total: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  rebased: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: numericAsNumber })
  bonus: number;

  @Column({ type: 'smallint' })
  stars: number;

  @Column({ type: 'boolean' })
  eligible: boolean;

  /** Active veto flag (raised or cleared by each recompute). */
  @Column({ type: 'boolean' })
  hasVeto: boolean;

  @Column({ type: 'smallint' })
  pendingCount: number;

  /** Hash of the inputs of the latest evaluation, even when it produced no new snapshot. */
  @Column({ type: 'char', length: 64 })
  inputHash: string;

  @Column({ type: 'date' })
  cutOff: string;

  @Column({ type: 'timestamptz' })
  evaluatedAt: Date;

  /** When the result last changed (the snapshot's time). */
  @Column({ type: 'timestamptz' })
  changedAt: Date;

  // What the station adds to the region aggregates (region-score-aggregate.entity.ts), kept
  // by triggers of migration RegionScoreAggregates; computed by station-contributions.ts, written with the current score (score-writer.ts).

  /** The station's county, copied from the station by a trigger (a station moving county moves its contribution). */
  @Column({ type: 'char', length: 6, nullable: true })
  countyCode: string | null;

  /** The rubric of the contribution arrays; null until written. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  rubricVersion: string | null;

  /** Points of the first- and third-level indicators, by indicator id (C collation order). */
  @Column({ type: 'numeric', precision: 4, scale: 1, array: true, nullable: true })
  indicatorPoints: string[] | null;

  /** Applicable max of the same indicators, in the same order. */
  @Column({ type: 'numeric', precision: 4, scale: 1, array: true, nullable: true })
  indicatorApplicable: string[] | null;

  /** Criteria a reviewer assesses (not missing items). */
  @Column({ type: 'smallint', default: 0 })
  criteriaToAssess: number;

  /** Of those, assessed. */
  @Column({ type: 'smallint', default: 0 })
  criteriaAssessed: number;

  /** Criteria waiting for an assessment. */
  @Column({ type: 'smallint', default: 0 })
  criteriaPending: number;

  /** Criteria of another source a reviewer overrode. */
  @Column({ type: 'smallint', default: 0 })
  criteriaOverrides: number;
}
