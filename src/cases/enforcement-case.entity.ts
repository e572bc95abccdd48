import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { CASE_PROCEDURES, FILE_REVIEW_RESULTS, type CaseProcedure, type FileReviewResult } from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';

/** One case of a station's enforcement case ledger (执法办案台账). */
@Entity('enforcement_case')
@Unique('uq_case_station_number', ['stationCode', 'caseNumber'])
@Index('ix_case_station_closed', ['stationCode', 'closedOn'])
@NamedCheck('ck_case_procedure', inList('procedure', CASE_PROCEDURES))
@NamedCheck('ck_case_file_review', inList('file_review', FILE_REVIEW_RESULTS))
@NamedCheck('ck_case_amounts', `"fine_amount" >= 0 AND "confiscation_amount" >= 0`)
@NamedCheck('ck_case_decided_after_filed', `"decided_on" IS NULL OR "filed_on" IS NULL OR "decided_on" >= "filed_on"`)
@NamedCheck('ck_case_closed_after_decided', `"closed_on" IS NULL OR "decided_on" IS NULL OR "closed_on" >= "decided_on"`)
@NamedCheck('ck_case_closed_after_filed', `"closed_on" IS NULL OR "filed_on" IS NULL OR "closed_on" >= "filed_on"`)
export class EnforcementCaseRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_case_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 64 })
  caseNumber: string;

  @Column({ type: 'varchar', length: 8 })
  procedure: CaseProcedure;

  @Column({ type: 'varchar', length: 200 })
  target: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  violation: string | null;

  @Column({ type: 'date', nullable: true })
  filedOn: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'date', nullable: true })
  enteredOn: string | null;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ type: 'boolean', default: false })
  publicised: boolean;

  @Column({ type: 'boolean', default: false })
  fullProcessRecorded: boolean;

  @Column({ type: 'boolean', default: false })
  majorDecision: boolean;

  @Column({ type: 'boolean', default: false })
  legalReviewed: boolean;

  @Column({ type: 'varchar', length: 16 })
  fileReview: FileReviewResult;

  /** 案卷评查 date (9①: the county's latest review); null for cases pushed without one. */
  @Column({ type: 'date', nullable: true })
  fileReviewedOn: string | null;

  @Column({ type: 'boolean', default: false })
  overturned: boolean;

  /** When the decision was overturned (9②); null for cases pushed without one. */
  @Column({ type: 'date', nullable: true })
  overturnedOn: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  fineAmount: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  confiscationAmount: string;

  @Column({ type: 'boolean', default: false })
  minorViolationExempted: boolean;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;
}
