import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AttachmentOwnerKind } from './file-attachment.entity.js';
import { FilesRepository, type UsableFileRow } from './files.repository.js';

export type { AttachmentOwnerKind } from './file-attachment.entity.js';

/** What a file is attached to: an application, a review or an inspection of one station. */
export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
  stationCode: string;
}

/** A file's metadata as reads show it (never the bytes). */
export interface FileDescriptor {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const UNKNOWN_FILE_REASON = 'no such file for this key: upload it first (POST /api/v1/files)';

/**
 * The files other modules (rating rounds: applications, reviews, inspections) attach to
 * their records. A file nobody may see and a file that does not exist give the same reason,
 * so that ids of other regions' files cannot be probed.
 */
@Injectable()
export class FileAttachments {
  /**
   * For each id that is unknown, or that this key may not use (not uploaded by this key and
   * not attached to a station it may read): id → reason. Empty map = all usable. ADMIN may
   * use any existing file.
   */
  async problems(manager: EntityManager, principal: Principal, fileIds: readonly string[]): Promise<Map<string, string>> {
    const problems = new Map<string, string>();
    const wellFormed = [...new Set(fileIds)].filter((id) => {
      if (UUID_PATTERN.test(id)) return true;
      problems.set(id, 'a file id is a UUID');
      return false;
    });
    if (wellFormed.length === 0) return problems;
    const rows = await new FilesRepository(manager).usable(wellFormed.map((id) => id.toLowerCase()));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of wellFormed) {
      const row = byId.get(id.toLowerCase());
      if (!row || !mayUse(principal, row)) problems.set(id, UNKNOWN_FILE_REASON);
    }
    return problems;
  }

  /**
   * Replaces the owner's attachments with exactly these ids, in the caller's transaction.
   * The files are key-share locked first, so that a concurrent delete either waits for this
   * transaction (and then sees the attachment) or has already removed the file (a 400 here).
   */
  async replace(manager: EntityManager, owner: AttachmentOwner, fileIds: readonly string[]): Promise<void> {
    const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))].sort();
    const files = new FilesRepository(manager);
    const malformed = ids.filter((id) => !UUID_PATTERN.test(id));
    if (malformed.length > 0) throw DomainError.badInput('malformed file ids', malformed.map((id) => ({ path: 'fileIds', reason: `${id}: a file id is a UUID` })));
    if (ids.length > 0) {
      const present = new Set(await files.lockShared(ids));
      const missing = ids.filter((id) => !present.has(id));
      if (missing.length > 0) throw DomainError.badInput('unknown files', missing.map((id) => ({ path: 'fileIds', reason: `${id}: ${UNKNOWN_FILE_REASON}` })));
    }
    await files.replaceAttachments(owner, ids);
  }

  /** The files' metadata (id, sha256, size, contentType, name) in the given order, for reads. */
  async describe(manager: EntityManager, fileIds: readonly string[]): Promise<FileDescriptor[]> {
    const ids = fileIds.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase());
    if (ids.length === 0) return [];
    const rows = await new FilesRepository(manager).describe([...new Set(ids)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ id: r.id, sha256: r.sha256, size: Number(r.size), contentType: r.content_type, name: r.original_name }] : [];
    });
  }
}

function mayUse(principal: Principal, row: UsableFileRow): boolean {
  if (principal.role === 'ADMIN' || row.uploaded_by_key_id === principal.keyId) return true;
  return row.county_codes.some((county) => coversRegion(principal, county));
}
