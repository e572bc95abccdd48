import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { inList } from '../database/columns.js';
import { NamedCheck } from '../database/columns.js';
import { StationRecord } from '../stations/station.entity.js';
import { FileObjectRecord } from './file-object.entity.js';

/** What an evidence file can be attached to (申报材料, 审核意见, 现场核查). */
export const ATTACHMENT_OWNER_KINDS = ['APPLICATION', 'REVIEW', 'INSPECTION'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

/**
 * A file used by an application, a review or an inspection of one station. The station is
 * what scopes downloads: a key that may read the station may read its attached files. A
 * file that is attached cannot be deleted (RESTRICT).
 */
@Entity('file_attachment')
@Index('ix_file_attachment_owner', ['ownerKind', 'ownerId'])
@Index('ix_file_attachment_station', ['stationCode'])
@NamedCheck('ck_file_attachment_owner_kind', inList('owner_kind', ATTACHMENT_OWNER_KINDS))
export class FileAttachmentRecord {
  @PrimaryColumn({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => FileObjectRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_file_attachment_file' })
  file?: Relation<FileObjectRecord>;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  ownerKind: AttachmentOwnerKind;

  @PrimaryColumn({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 32 })
  stationCode: string;

  @ManyToOne(() => StationRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'station_code', foreignKeyConstraintName: 'fk_file_attachment_station' })
  station?: Relation<StationRecord>;
}
