import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { NamedCheck } from '../database/columns.js';
import { RecomputeRunRecord } from './recompute-run.entity.js';

/**
 * One finished chunk of a run. Its primary key makes counting idempotent: a chunk job that
 * runs twice (a retry after a crash) adds to the run's counters once.
 */
@Entity('recompute_run_chunk')
@NamedCheck('ck_recompute_run_chunk_counts', `"done" >= 0 AND "failed" >= 0 AND "changed" >= 0 AND "changed" <= "done"`)
export class RecomputeRunChunkRecord {
  @PrimaryColumn({ type: 'uuid' })
  runId: string;

  @ManyToOne(() => RecomputeRunRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_recompute_run_chunk_run' })
  run?: Relation<RecomputeRunRecord>;

  @PrimaryColumn({ type: 'integer' })
  chunkNo: number;

  @Column({ type: 'integer' })
  done: number;

  @Column({ type: 'integer' })
  failed: number;

  @Column({ type: 'integer' })
  changed: number;

  @CreateDateColumn({ type: 'timestamptz' })
  finishedAt: Date;
}
