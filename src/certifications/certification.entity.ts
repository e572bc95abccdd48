import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NamedCheck } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';

/** The county certification (附件3 市场监管所证明材料) of a station for a rating year. */
@Entity('certification')
@NamedCheck('ck_certification_items', `cardinality("items") = 12 AND array_position("items", NULL) IS NULL`)
@NamedCheck('ck_certification_year', `"year" BETWEEN 1990 AND 2100`)
export class CertificationRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_certification_station' })
  station?: Relation<StationRecord>;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  /** Items 1..12 in order; a blank item is stored as false (附件3 备注). */
  @Column({ type: 'boolean', array: true })
  items: boolean[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  certifiedBy: string | null;

  @Column({ type: 'date', nullable: true })
  certifiedOn: string | null;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;
}
