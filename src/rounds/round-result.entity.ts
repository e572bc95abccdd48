import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, Unique, type Relation } from 'typeorm';
import { numericAsNumber, NamedCheck } from '../database/columns.js';
import type { ScoreResult } from '../scoring/engine/index.js';
import { StationRecord } from '../stations/station.entity.js';
import { RatingRoundRecord } from './rating-round.entity.js';
import { RoundApplicationRecord } from './round-application.entity.js';
import type { RoundResultInputs } from './review/round-chain.js';

/**
 * A confirmed result (认定) of one application, a link of the round's hash chain:
 * chain_hash = sha256(previous_hash | seq | station_code | input_hash | result_digest) in `seq`
 * order (review/round-chain.ts); the round stores the last one as chain_head. Written once at
 * confirmation; database triggers refuse any UPDATE or DELETE (migration RoundResultsSealed).
 */
@Entity('round_result')
@Unique('uq_round_result_seq', ['roundId', 'seq'])
@NamedCheck('ck_round_result_seq', `"seq" >= 1 AND ("seq" = 1) = ("previous_hash" IS NULL)`)
@NamedCheck('ck_round_result_stars', `"stars" BETWEEN 0 AND 5`)
export class RoundResultRecord {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @OneToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_result_application' })
  application?: Relation<RoundApplicationRecord>;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => RatingRoundRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_round_result_round' })
  round?: Relation<RatingRoundRecord>;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_round_result_station' })
  station?: Relation<StationRecord>;

  /** Position in the round's hash chain, from 1. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'char', length: 64 })
  inputHash: string;

  @Column({ type: 'char', length: 64 })
  resultDigest: string;

  @Column({ type: 'char', length: 64, nullable: true })
  previousHash: string | null;

  @Column({ type: 'char', length: 64 })
  chainHash: string;

  @Column({ type: 'jsonb' })
  result: ScoreResult;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericAsNumber })
  total: number;

  @Column({ type: 'smallint' })
  stars: number;

  @Column({ type: 'boolean' })
  awarded: boolean;

  @Column({ type: 'timestamptz' })
  confirmedAt: Date;

  /** What the result was computed from (RoundResultInputs): verification reads nothing mutable. */
  @Column({ type: 'jsonb' })
  inputs: RoundResultInputs;
}

/** 摘星: an award revoked after confirmation, with its reason (the result row stays as it was). */
@Entity('round_award_revocation')
export class RoundAwardRevocationRecord {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @OneToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_award_revocation_application' })
  application?: Relation<RoundApplicationRecord>;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  revokedAt: Date;
}
