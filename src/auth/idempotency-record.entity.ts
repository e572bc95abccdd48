import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApiKeyRecord } from './api-key.entity.js';

/** The first answer to a request carrying an Idempotency-Key, replayed on retries. */
@Entity('idempotency_record')
@Index('ix_idempotency_record_created', ['createdAt'])
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' })
  apiKeyId: string;

  @ManyToOne(() => ApiKeyRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'fk_idempotency_record_api_key' })
  apiKey?: Relation<ApiKeyRecord>;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'varchar', length: 8 })
  method: string;

  @Column({ type: 'varchar', length: 300 })
  path: string;

  /** Digest of method, path and body: the same key with a different request is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'smallint' })
  statusCode: number;

  @Column({ type: 'jsonb' })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
