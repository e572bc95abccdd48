import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "This station's inputs changed": written in the same transaction as the change, then
 * relayed into the recompute queue. PostgreSQL holds it, so nothing is lost while the
 * queue is unreachable.
 */
@Entity('outbox_event')
@Index('ix_outbox_event_pending', ['id'], { where: `"relayed_at" IS NULL` })
export class OutboxEventRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Null for a change that touches every station (reference data, star policy). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  stationCode: string | null;

  /** Region whose stations all need recomputing (a policy change); null otherwise. */
  @Column({ type: 'char', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 64 })
  reason: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;
}
