import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { EQUIPMENT_STATUSES, EQUIPMENT_TYPES, type EquipmentStatus, type EquipmentType } from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';

/** One line of a station's equipment register (设施装备). */
@Entity('equipment')
@Unique('uq_equipment_station_external', ['stationCode', 'externalId'])
@NamedCheck('ck_equipment_type', inList('type', EQUIPMENT_TYPES))
@NamedCheck('ck_equipment_status', inList('status', EQUIPMENT_STATUSES))
@NamedCheck('ck_equipment_quantity', `"quantity" >= 1`)
export class EquipmentItemRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_equipment_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 64 })
  externalId: string;

  @Column({ type: 'varchar', length: 32 })
  type: EquipmentType;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'varchar', length: 16 })
  status: EquipmentStatus;

  @Column({ type: 'date', nullable: true })
  acquiredOn: string | null;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;
}
