import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NamedCheck } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';

/** A reasonable missing item (合理缺项, note 4) marked by a reviewer: a criterion or a whole indicator. */
@Entity('missing_item_mark')
@NamedCheck('ck_missing_item_mark_justification', `length("justification") > 0`)
export class MissingItemMarkRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_missing_item_mark_station' })
  station?: Relation<StationRecord>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  rubricVersion: string;

  /** A criterion id or a third-level indicator id. */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  itemId: string;

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'uuid', nullable: true })
  markedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  markedAt: Date;
}
