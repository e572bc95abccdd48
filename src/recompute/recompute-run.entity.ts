import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NamedCheck, inList } from '../database/columns.js';

/** NIGHTLY the scheduler, MANUAL a person (GraphQL, CLI), POLICY_CHANGE a new star policy, REFERENCE_DATA a change that touches every station (national mediation average). */
export const RECOMPUTE_TRIGGERS = ['NIGHTLY', 'MANUAL', 'POLICY_CHANGE', 'REFERENCE_DATA'] as const;
export type RecomputeTrigger = (typeof RECOMPUTE_TRIGGERS)[number];
export const RECOMPUTE_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type RecomputeRunStatus = (typeof RECOMPUTE_RUN_STATUSES)[number];

/** A full recompute of a scope (a region, or everything), with its progress counters. */
@Entity('recompute_run')
@Index('ix_recompute_run_created', ['createdAt'])
@NamedCheck('ck_recompute_run_trigger', inList('trigger', RECOMPUTE_TRIGGERS))
@NamedCheck('ck_recompute_run_status', inList('status', RECOMPUTE_RUN_STATUSES))
@NamedCheck('ck_recompute_run_counts', `"done" >= 0 AND "failed" >= 0 AND "changed" >= 0 AND "done" + "failed" <= "total" AND "changed" <= "done"`)
export class RecomputeRunRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Region code whose stations are recomputed; null means every station. */
  @Column({ type: 'char', length: 6, nullable: true })
  scopeRegionCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  trigger: RecomputeTrigger;

  @Column({ type: 'varchar', length: 16, default: 'QUEUED' })
  status: RecomputeRunStatus;

  @Column({ type: 'date' })
  cutOff: string;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  /** Stations whose result changed (a new snapshot was written). */
  @Column({ type: 'integer', default: 0 })
  changed: number;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
