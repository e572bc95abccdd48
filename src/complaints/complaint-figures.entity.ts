import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { NamedCheck, numericAsNumber } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';

/** 12315 complaint and report figures of a station for a year ('YYYY') or a month ('YYYY-MM'). */
@Entity('complaint_figures')
@Unique('uq_complaint_figures_station_period', ['stationCode', 'period'])
@NamedCheck('ck_complaint_figures_period', `"period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$' AND "year" = substr("period", 1, 4)::smallint AND ("month" IS NULL) = (length("period") = 4) AND ("month" IS NULL OR "month" = substr("period", 6, 2)::smallint)`)
@NamedCheck('ck_complaint_figures_non_negative', `"complaints_received" >= 0 AND "complaints_checked_on_time" >= 0 AND "complaints_closed" >= 0 AND "complaints_closed_on_time" >= 0 AND "mediations_attempted" >= 0 AND "mediations_succeeded" >= 0 AND "reports_received" >= 0 AND "reports_verified_on_time" >= 0 AND "real_name_reports" >= 0 AND "real_name_reporters_notified" >= 0`)
// A part never exceeds its whole (on-time ≤ received, succeeded ≤ attempted, ...).
@NamedCheck('ck_complaint_figures_parts', `"complaints_checked_on_time" <= "complaints_received" AND "complaints_closed" <= "complaints_received" AND "complaints_closed_on_time" <= "complaints_closed" AND "mediations_attempted" <= "complaints_received" AND "mediations_succeeded" <= "mediations_attempted" AND "reports_verified_on_time" <= "reports_received" AND "real_name_reports" <= "reports_received" AND "real_name_reporters_notified" <= "real_name_reports"`)
export class ComplaintFiguresRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_complaint_figures_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint', nullable: true })
  month: number | null;

  @Column({ type: 'integer', default: 0 })
  complaintsReceived: number;

  @Column({ type: 'integer', default: 0 })
  complaintsCheckedOnTime: number;

  @Column({ type: 'integer', default: 0 })
  complaintsClosed: number;

  @Column({ type: 'integer', default: 0 })
  complaintsClosedOnTime: number;

  @Column({ type: 'integer', default: 0 })
  mediationsAttempted: number;

  @Column({ type: 'integer', default: 0 })
  mediationsSucceeded: number;

  @Column({ type: 'integer', default: 0 })
  reportsReceived: number;

  @Column({ type: 'integer', default: 0 })
  reportsVerifiedOnTime: number;

  @Column({ type: 'integer', default: 0 })
  realNameReports: number;

  @Column({ type: 'integer', default: 0 })
  realNameReportersNotified: number;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;
}

/** National average mediation success rate (全国平均调解成功率) of a year; province reference data. */
@Entity('mediation_average')
@NamedCheck('ck_mediation_average_rate', `"rate" >= 0 AND "rate" <= 1`)
@NamedCheck('ck_mediation_average_year', `"year" BETWEEN 1990 AND 2100`)
export class MediationAverageRecord {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numericAsNumber })
  rate: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
