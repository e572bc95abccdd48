import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList, numericAsNumber } from '../database/columns.js';
import { BONUS_CATEGORIES, BONUS_LEVELS, type BonusCategory, type BonusLevel } from '../domain/vocabulary.js';
import { StationRecord } from '../stations/station.entity.js';

/** A bonus event (加分项目). The same event key counts once (note 5). */
@Entity('bonus_event')
@Unique('uq_bonus_event_station_key', ['stationCode', 'eventKey'])
@NamedCheck('ck_bonus_event_category', inList('category', BONUS_CATEGORIES))
@NamedCheck('ck_bonus_event_level', inList('level', BONUS_LEVELS))
@NamedCheck(
  'ck_bonus_event_points',
  `("category" = 'OTHER' AND "points" IS NOT NULL AND "points" >= 0 AND "points" <= 10 AND "points" * 2 = floor("points" * 2))
   OR ("category" <> 'OTHER' AND "points" IS NULL)`,
)
export class BonusEventRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_bonus_event_station' })
  station?: Relation<StationRecord>;

  @Column({ type: 'varchar', length: 128 })
  eventKey: string;

  @Column({ type: 'varchar', length: 24 })
  category: BonusCategory;

  @Column({ type: 'varchar', length: 16 })
  level: BonusLevel;

  @Column({ type: 'date' })
  date: string;

  /** 'COLLECTIVE' or a person's externalId. */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, nullable: true, transformer: numericAsNumber })
  points: number | null;

  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
