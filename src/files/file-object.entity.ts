import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber, NamedCheck } from '../database/columns.js';

/**
 * One uploaded evidence file (佐证材料): a row per upload, so that each upload keeps its own
 * name and uploader, while the bytes are stored once per sha256 (content-addressed).
 */
@Entity('file_object')
@Index('ix_file_object_sha256', ['sha256'])
@Index('ix_file_object_uploader', ['uploadedByKeyId', 'createdAt'])
@NamedCheck('ck_file_object_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
@NamedCheck('ck_file_object_size', `"size" > 0`)
export class FileObjectRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  /** Recognised from the content, never taken from the name or the request. */
  @Column({ type: 'varchar', length: 128 })
  contentType: string;

  /** The file name the uploader gave (shown back in Content-Disposition). */
  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  /** The API key that uploaded it (the system's key id for the CLI and seeds). */
  @Column({ type: 'uuid' })
  uploadedByKeyId: string;

  @Column({ type: 'char', length: 6 })
  uploadedByRegion: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
