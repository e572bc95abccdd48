import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';


/** Who changed what and when; written in the same transaction as the change itself. */
@Entity('audit_log')
@Index('ix_audit_log_station', ['stationCode', 'at'])
@Index('ix_audit_log_at', ['at'])
export class AuditLogRecord {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** The API key that acted; null for the system (scheduler, CLI). */
  @Column({ type: 'uuid', nullable: true })
  actorKeyId: string | null;

  @Column({ type: 'varchar', length: 16 })
  actorRole: string;

  @Column({ type: 'char', length: 6, nullable: true })
  actorRegion: string | null;

  /** e.g. 'personnel.replace', 'assessment.set', 'veto.lift'. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  stationCode: string | null;

  @Column({ type: 'varchar', length: 32 })
  entity: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  entityKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  beforeDigest: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  afterDigest: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  detail: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}

