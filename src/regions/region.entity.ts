import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';

export const REGION_LEVELS = ['PROVINCE', 'CITY', 'COUNTY'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The station column that holds a region code of each level (indexed: ix_station_province / _city / _county). */
export const STATION_COLUMN_OF_LEVEL = { PROVINCE: 'province_code', CITY: 'city_code', COUNTY: 'county_code' } as const satisfies Record<RegionLevel, string>;
export type StationRegionColumn = (typeof STATION_COLUMN_OF_LEVEL)[RegionLevel];

/** An administrative division (GB/T 2260): province 130000 > city 130100 > county 130102. */
@Entity('region')
@NamedCheck('ck_region_code', `"code" ~ '^[0-9]{6}$'`)
@NamedCheck('ck_region_level', inList('level', REGION_LEVELS))
@NamedCheck(
  'ck_region_shape',
  `("level" = 'PROVINCE' AND "parent_code" IS NULL AND "code" LIKE '__0000')
   OR ("level" = 'CITY' AND "parent_code" IS NOT NULL AND "parent_code" = substr("code", 1, 2) || '0000' AND "code" LIKE '____00' AND "code" NOT LIKE '__0000')
   OR ("level" = 'COUNTY' AND "parent_code" IS NOT NULL AND "parent_code" = substr("code", 1, 4) || '00' AND "code" NOT LIKE '____00')`,
)
@Index('ix_region_parent', ['parentCode'])
export class RegionRecord {
  @PrimaryColumn({ type: 'char', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  level: RegionLevel;

  @Column({ type: 'char', length: 6, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: Relation<RegionRecord>;
}
