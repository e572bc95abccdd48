import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { ANNUAL_REVIEW_RESULTS, type AnnualReviewResult } from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';

/** An annual review (年度考核) result of the station ('STATION') or of one person (externalId). */
@Entity('annual_review')
@Unique('uq_annual_review_station_year_subject', ['stationCode', 'year', 'subject'])
@NamedCheck('ck_annual_review_result', inList('result', ANNUAL_REVIEW_RESULTS))
@NamedCheck('ck_annual_review_year', `"year" BETWEEN 1990 AND 2100`)
export class AnnualReviewRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_annual_review_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'varchar', length: 24 })
  result: AnnualReviewResult;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
