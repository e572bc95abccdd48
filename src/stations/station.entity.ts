import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { NamedCheck } from '../database/columns.js';
import type { Duty, Room } from '../domain/vocabulary.js';
import { RegionRecord } from '../regions/region.entity.js';

/** A market supervision station (市场监督管理所); belongs to one county. */
@Entity('station')
@NamedCheck('ck_station_code', `"code" ~ '^[A-Za-z0-9_-]{1,32}$'`)
@NamedCheck('ck_station_headcount', `"approved_headcount" >= 0`)
@NamedCheck('ck_station_region_codes', `"city_code" = substr("county_code", 1, 4) || '00' AND "province_code" = substr("county_code", 1, 2) || '0000'`)
@Index('ix_station_county', ['countyCode', 'code'])
@Index('ix_station_city', ['cityCode', 'code'])
@Index('ix_station_province', ['provinceCode', 'code'])
@Index('ix_station_name', ['name'])
export class StationRecord {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 6 })
  countyCode: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_code', foreignKeyConstraintName: 'fk_station_county' })
  county?: Relation<RegionRecord>;

  // Derived from the county code (the CHECK keeps them so) so that a filter on any region
  // level uses an index.
  @Column({ type: 'char', length: 6 })
  cityCode: string;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  /** 编制数 */
  @Column({ type: 'integer' })
  approvedHeadcount: number;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  duties: Duty[];

  @Column({ type: 'boolean' })
  premisesIndependent: boolean;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  rooms: Room[];

  @Column({ type: 'boolean' })
  internet: boolean;

  @Column({ type: 'boolean' })
  privateNetwork: boolean;

  /** Digest of the pushed profile, to tell an identical re-push from a change. */
  @Column({ type: 'varchar', length: 64 })
  rowDigest: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
