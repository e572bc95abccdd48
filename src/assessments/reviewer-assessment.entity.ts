import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { NamedCheck, numericAsNumber } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';

/** A reviewer's score for one criterion (评审评分); it overrides any other source. */
@Entity('reviewer_assessment')
@NamedCheck('ck_reviewer_assessment_points', `"points" >= 0 AND "points" * 2 = floor("points" * 2)`)
@NamedCheck('ck_reviewer_assessment_note', `length("note") > 0`)
export class ReviewerAssessmentRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_reviewer_assessment_station' })
  station?: Relation<StationRecord>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  rubricVersion: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  criterionId: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericAsNumber })
  points: number;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  evidenceRefs: string[];

  @Column({ type: 'uuid', nullable: true })
  assessedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  assessedAt: Date;
}
