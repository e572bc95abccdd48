import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';
import { RegionRecord } from '../regions/region.entity.js';
import { API_KEY_ROLES, type ApiKeyRole } from './api-key-format.js';

export { API_KEY_ROLES, type ApiKeyRole };

/** An API key: only a SHA-256 of the secret is stored; the key itself is shown once. */
@Entity('api_key')
@Unique('uq_api_key_prefix', ['prefix'])
@NamedCheck('ck_api_key_role', inList('role', API_KEY_ROLES))
export class ApiKeyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Public lookup part of the key (ssk_<prefix>_<secret>). */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: ApiKeyRole;

  @Column({ type: 'char', length: 6 })
  regionCode: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_api_key_region' })
  region?: Relation<RegionRecord>;

  @Column({ type: 'varchar', length: 200, default: '' })
  label: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
