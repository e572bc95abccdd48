import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { VETO_KINDS, type VetoKind } from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';
import { AnnualReviewRecord } from './annual-review.entity.js';

export const VETO_ORIGINS = ['PUSHED', 'ANNUAL_REVIEW'] as const;
export type VetoOrigin = (typeof VETO_ORIGINS)[number];

/** A veto event (否定项目); any unlifted one in the window makes the station ineligible. */
@Entity('veto_event')
@Unique('uq_veto_event_station_digest', ['stationCode', 'contentDigest'])
@Index('ix_veto_event_active', ['stationCode'], { where: `"lifted_at" IS NULL` })
@NamedCheck('ck_veto_event_kind', inList('kind', VETO_KINDS))
@NamedCheck('ck_veto_event_origin', inList('origin', VETO_ORIGINS))
@NamedCheck('ck_veto_event_lift', `("lifted_at" IS NULL AND "lift_reason" IS NULL) OR ("lifted_at" IS NOT NULL AND coalesce(length("lift_reason"), 0) > 0)`)
@NamedCheck('ck_veto_event_review', `("origin" = 'ANNUAL_REVIEW') = ("annual_review_id" IS NOT NULL)`)
export class VetoEventRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_veto_event_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 24 })
  kind: VetoKind;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  personExternalId: string | null;

  @Column({ type: 'varchar', length: 16 })
  origin: VetoOrigin;

  /** Set when an INCOMPETENT annual review raised this veto; removing the review removes it. */
  @Column({ type: 'bigint', nullable: true, unique: false })
  annualReviewId: string | null;

  @ManyToOne(() => AnnualReviewRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'annual_review_id', foreignKeyConstraintName: 'fk_veto_event_annual_review' })
  annualReview?: Relation<AnnualReviewRecord>;

  /** Digest of kind, date, description and person: the same event pushed twice is stored once. */
  @Column({ type: 'varchar', length: 64 })
  contentDigest: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedBy: string | null;

  @Column({ type: 'text', nullable: true })
  liftReason: string | null;
}
