// The file_object and file_attachment tables: uploads by sha256, who may use a file, and the
// attachments of applications, reviews and inspections. Ids are passed lower case.
import type { Queryable } from '../database/queryable.js';
import type { AttachmentOwnerKind } from './file-attachment.entity.js';

/** A file row with what decides who may use it: its uploader and the counties of the stations it is attached to. */
export interface UsableFileRow {
  id: string;
  uploaded_by_key_id: string;
  county_codes: string[];
}

export interface FileRow {
  id: string;
  sha256: string;
  size: string;
  content_type: string;
  original_name: string;
}

export class FilesRepository {
  constructor(private readonly db: Queryable) {}

  /** Serialises, until the transaction ends, everything that adds or removes the blob of one sha256. */
  async lockContent(sha256: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('file_blob:' || $1, 0))`, [sha256]);
  }

  async insert(file: { sha256: string; size: number; contentType: string; name: string; keyId: string; region: string }): Promise<string> {
    const [{ id }] = await this.db.query<{ id: string }[]>(
      `INSERT INTO file_object (sha256, size, content_type, original_name, uploaded_by_key_id, uploaded_by_region) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [file.sha256, file.size, file.contentType, file.name, file.keyId, file.region],
    );
    return id;
  }

  async countWithContent(sha256: string): Promise<number> {
    const [{ n }] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object WHERE sha256 = $1`, [sha256]);
    return n;
  }

  /** The file row locked FOR UPDATE, if it exists. */
  async lockForDelete(id: string): Promise<{ sha256: string; uploaded_by_key_id: string; original_name: string } | undefined> {
    const [row] = await this.db.query<{ sha256: string; uploaded_by_key_id: string; original_name: string }[]>(
      `SELECT sha256, uploaded_by_key_id, original_name FROM file_object WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Attachments of the file per owner kind, in kind order. */
  attachmentCounts(id: string): Promise<{ owner_kind: string; n: number }[]> {
    return this.db.query(`SELECT owner_kind, count(*)::int AS n FROM file_attachment WHERE file_id = $1 GROUP BY owner_kind ORDER BY owner_kind`, [id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM file_object WHERE id = $1`, [id]);
  }

  usable(ids: readonly string[]): Promise<UsableFileRow[]> {
    return this.db.query(
      `SELECT f.id, f.uploaded_by_key_id,
              coalesce(array_agg(DISTINCT s.county_code::text) FILTER (WHERE s.code IS NOT NULL), '{}') AS county_codes
       FROM file_object f
       LEFT JOIN file_attachment a ON a.file_id = f.id
       LEFT JOIN station s ON s.code = a.station_code
       WHERE f.id = ANY($1::uuid[])
       GROUP BY f.id`,
      [ids],
    );
  }

  /** Ids of the files that exist among `ids` (sorted), key-share locked in id order. */
  async lockShared(ids: readonly string[]): Promise<string[]> {
    const found = await this.db.query<{ id: string }[]>(`SELECT id FROM file_object WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`, [ids]);
    return found.map((r) => r.id);
  }

  /** The owner's attachments become exactly `ids` (their station updated where it moved). */
  async replaceAttachments(owner: { kind: AttachmentOwnerKind; id: string; stationCode: string }, ids: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM file_attachment WHERE owner_kind = $1 AND owner_id = $2 AND NOT (file_id = ANY($3::uuid[]))`, [owner.kind, owner.id, ids]);
    if (ids.length === 0) return;
    await this.db.query(
      `INSERT INTO file_attachment (file_id, owner_kind, owner_id, station_code)
       SELECT unnest($1::uuid[]), $2, $3::uuid, $4
       ON CONFLICT (file_id, owner_kind, owner_id) DO UPDATE SET station_code = EXCLUDED.station_code
       WHERE file_attachment.station_code IS DISTINCT FROM EXCLUDED.station_code`,
      [ids, owner.kind, owner.id, owner.stationCode],
    );
  }

  describe(ids: readonly string[]): Promise<FileRow[]> {
    return this.db.query(`SELECT id, sha256, size, content_type, original_name FROM file_object WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Original names by id (as text). */
  names(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    return this.db.query(`SELECT id::text AS id, original_name AS name FROM file_object WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
