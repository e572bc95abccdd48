// What province reviewers record on an application during a round: material reviews per
// criterion, on-site inspections (实地考察), decisions on declared missing items and
// objections (异议) during publication. Latest state here; every change is also audited.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { NamedCheck, inList, numericAsNumber } from '../database/columns.js';
import { RoundApplicationRecord } from './round-application.entity.js';

export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** One inspection adjustment: it overrides the material review of the same criterion. */
export interface InspectionAdjustment {
  criterionId: string;
  points: number;
  reason: string;
}

/** The latest material review of one criterion of an application (earlier ones: audit_log). */
@Entity('round_criterion_review')
@NamedCheck('ck_round_criterion_review_points', `"points" >= 0 AND "points" * 2 = trunc("points" * 2)`)
export class RoundCriterionReviewRecord {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_criterion_review_application' })
  application?: Relation<RoundApplicationRecord>;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  criterionId: string;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericAsNumber })
  points: number;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  fileIds: string[];

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  reviewedAt: Date;
}

/** An on-site inspection of a station during review. */
@Entity('round_inspection')
@Index('ix_round_inspection_application', ['applicationId', 'recordedAt'])
export class RoundInspectionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_inspection_application' })
  application?: Relation<RoundApplicationRecord>;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', array: true })
  inspectors: string[];

  @Column({ type: 'text' })
  findings: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  adjustments: InspectionAdjustment[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

/** A reviewer's decision on one declared missing item (accepted: it re-bases the score). */
@Entity('round_missing_item_decision')
export class RoundMissingItemDecisionRecord {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_missing_item_decision_application' })
  application?: Relation<RoundApplicationRecord>;

  /** The declared item's id (criterion or third-level indicator). */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  itemId: string;

  @Column({ type: 'boolean' })
  accepted: boolean;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}

/** An objection (异议) against a station during publication, and how it was resolved. */
@Entity('round_objection')
@Index('ix_round_objection_application', ['applicationId', 'recordedAt'])
@NamedCheck('ck_round_objection_status', inList('status', OBJECTION_STATUSES))
@NamedCheck('ck_round_objection_resolved', `("status" = 'OPEN') = ("resolved_at" IS NULL) AND ("status" = 'OPEN' OR "resolution_reason" IS NOT NULL)`)
export class RoundObjectionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => RoundApplicationRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_round_objection_application' })
  application?: Relation<RoundApplicationRecord>;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  fromWhom: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: ObjectionStatus;

  @Column({ type: 'text', nullable: true })
  resolutionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
