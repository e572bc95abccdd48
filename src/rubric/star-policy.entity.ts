import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { NamedCheck } from '../database/columns.js';
import { RegionRecord } from '../regions/region.entity.js';

/** Stored shape of one star level of a policy (see the engine's StarLevelRule). */
export interface StarLevelRuleRow {
  stars: number;
  indicatorSet: 'ALL' | 'STARRED' | string[];
  threshold: number;
  includeBonus: boolean;
}

/**
 * A province's star policy (note 2), versioned: setting a policy adds a version and makes it
 * the active one, so every stored score can name the exact policy it was computed with.
 */
@Entity('star_policy')
@Unique('uq_star_policy_province_version', ['provinceCode', 'version'])
@Index('ux_star_policy_active', ['provinceCode'], { unique: true, where: `"active"` })
@NamedCheck('ck_star_policy_version', `"version" >= 1`)
@NamedCheck('ck_star_policy_deadline', `"case_entry_deadline_days" BETWEEN 0 AND 365`)
@NamedCheck('ck_star_policy_levels', `jsonb_typeof("levels") = 'array'`)
export class StarPolicyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 6 })
  provinceCode: string;

  @ManyToOne(() => RegionRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code', foreignKeyConstraintName: 'fk_star_policy_province' })
  province?: Relation<RegionRecord>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  rubricVersion: string;

  @Column({ type: 'jsonb' })
  levels: StarLevelRuleRow[];

  /** 7④: days after the decision within which a case must be entered into the system. */
  @Column({ type: 'smallint', default: 7 })
  caseEntryDeadlineDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
