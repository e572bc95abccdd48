import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { API_KEY_ROLES, type ApiKeyRole } from '../auth/api-key-format.js';
import { NamedCheck, inList } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';
import type { StationFactsJson } from './round-facts.js';
import { RatingRoundRecord } from './rating-round.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './round-status.js';

/** 提供材料目录 of one criterion: titles, each with optional uploaded files. */
export interface CriterionMaterials {
  /** Criterion id ("1.1.1.1"), normalised from the code the county sent. */
  criterionId: string;
  items: { title: string; fileIds: string[] }[];
}

/** A declared reasonable missing item (合理缺项, note 4): the duty the station lacks. */
export interface DeclaredMissingItem {
  /** Criterion or third-level indicator id. */
  itemId: string;
  duty: string;
  reason: string;
}

/** 附件3 as certified by the county for this round. */
export interface RoundCertification {
  /** "1".."12" → yes/no. */
  items: Record<string, boolean>;
  remarks: string;
  certifiedBy: string;
  certifiedOn: string;
  sealedScanFileId: string;
}

/** A station's application in a round (one per station and round). */
@Entity('round_application')
@Unique('uq_round_application_station', ['roundId', 'stationCode'])
@Index('ix_round_application_station', ['stationCode'])
@NamedCheck('ck_round_application_status', inList('status', APPLICATION_STATUSES))
@NamedCheck(
  'ck_round_application_frozen',
  `("frozen_facts" IS NULL) = ("frozen_input_hash" IS NULL) AND ("status" IN ('DRAFT', 'RETURNED') OR ("frozen_facts" IS NOT NULL AND "submitted_at" IS NOT NULL))`,
)
export class RoundApplicationRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => RatingRoundRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_round_application_round' })
  round?: Relation<RatingRoundRecord>;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_round_application_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 12, default: 'DRAFT' })
  status: ApplicationStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  materials: CriterionMaterials[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  missingItems: DeclaredMissingItem[];

  @Column({ type: 'jsonb', nullable: true })
  certification: RoundCertification | null;

  /** Last submission (a resubmission after 退回补正 moves it). */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The station's facts as they stood at the last submission (freezeFacts). */
  @Column({ type: 'jsonb', nullable: true })
  frozenFacts: StationFactsJson | null;

  /** sha256 of the canonical frozen facts (frozenFactsHash). */
  @Column({ type: 'char', length: 64, nullable: true })
  frozenInputHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int' })
  version: number;
}

/** History of an application's statuses: one row per transition, never updated. */
@Entity('round_application_transition')
@Index('ix_round_application_transition_application', ['applicationId', 'id'])
@NamedCheck('ck_round_application_transition_from', `"from_status" IS NULL OR ${inList('from_status', APPLICATION_STATUSES)}`)
@NamedCheck('ck_round_application_transition_to', inList('to_status', APPLICATION_STATUSES))
@NamedCheck('ck_round_application_transition_role', `"actor_role" = 'SYSTEM' OR ${inList('actor_role', API_KEY_ROLES)}`)
export class RoundApplicationTransitionRecord {
  /** BIGINT identity, as a string (node-postgres). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_application_transition_application' })
  application?: Relation<RoundApplicationRecord>;

  /** Null for the creation of the draft. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 12 })
  toStatus: ApplicationStatus;

  /** Null for the system (deadline, confirmation job). */
  @Column({ type: 'uuid', nullable: true })
  actorKeyId: string | null;

  @Column({ type: 'varchar', length: 8 })
  actorRole: ApiKeyRole | 'SYSTEM';

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
