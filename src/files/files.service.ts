import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { BLOB_STORE, BlobMissingError, type BlobStore } from './blob-store.js';
import { sniffContentType } from './content-type.js';
import { FileAttachments, UUID_PATTERN, type FileDescriptor } from './file-attachments.js';
import { FilesRepository } from './files.repository.js';
import { receiveUpload } from './upload-receiver.js';

export const ACCEPTED_TYPES_SENTENCE = 'PDF, JPEG, PNG, OFD, DOCX or XLSX, recognised by content (not by name or declared type)';

/** A file id from a path: malformed is a 400 on `id`, never a lookup. */
export function checkFileId(id: string): string {
  if (!UUID_PATTERN.test(id)) throw DomainError.badInput('malformed file id', [{ path: 'id', reason: 'a file id is a UUID' }]);
  return id.toLowerCase();
}

/** The one answer for a file that does not exist or that the key may not see. */
function fileNotFound(id: string): DomainError {
  return DomainError.notFound(`file ${id} (for this key)`);
}

/**
 * Evidence files: upload (content-addressed, one blob per sha256), download and delete.
 * Uploads and the removal of a blob are serialised per sha256 with a transaction-scoped
 * advisory lock, so that a blob is never removed under an upload that found it present.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attachments: FileAttachments,
    private readonly audit: AuditService,
    private readonly runner: WriteRunner,
  ) {}

  async upload(ctx: WriteContext, request: FastifyRequest): Promise<FileDescriptor> {
    const received = await receiveUpload(request, this.store.incomingDir, this.config.files.maxBytes);
    try {
      const sniffed = await sniffContentType(received.tempPath, received.size);
      if (!sniffed.accepted) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `the file is ${sniffed.found}; evidence files are ${ACCEPTED_TYPES_SENTENCE}. Nothing was stored`);
      }
      return await this.dataSource.transaction(async (manager) => {
        const files = new FilesRepository(manager);
        await files.lockContent(received.sha256);
        await this.storeCall('store the file', () => this.store.put(received.sha256, received.tempPath, received.size));
        const id = await files.insert({ sha256: received.sha256, size: received.size, contentType: sniffed.contentType, name: received.name, keyId: ctx.principal.keyId, region: ctx.principal.regionCode });
        const file: FileDescriptor = { id, sha256: received.sha256, size: received.size, contentType: sniffed.contentType, name: received.name };
        await this.audit.record(manager, ctx, 'file.upload', [
          { stationCode: null, entity: 'file', entityKey: id, beforeDigest: null, afterDigest: received.sha256, detail: { name: file.name, size: file.size, contentType: file.contentType } },
        ]);
        return file;
      });
    } finally {
      await received.discard();
    }
  }

  /** The file's metadata and bytes, for the uploader, ADMIN and keys that may read a station it is attached to. */
  async open(principal: Principal, rawId: string): Promise<{ file: FileDescriptor; bytes: Readable }> {
    const id = checkFileId(rawId);
    const manager = this.dataSource.manager;
    if ((await this.attachments.problems(manager, principal, [id])).size > 0) throw fileNotFound(rawId);
    const [file] = await this.attachments.describe(manager, [id]);
    if (!file) throw fileNotFound(rawId);
    try {
      return { file, bytes: await this.storeCall('read the file', () => this.store.get(file.sha256)) };
    } catch (error) {
      if (!(error instanceof BlobMissingError)) throw error;
      this.logger.error(`file ${id}: ${error.message}`);
      throw new DomainError('INTERNAL_SERVER_ERROR', `the bytes of file ${id} are missing from the file store`);
    }
  }

  /**
   * A store that cannot be reached (S3 down, a full disk) is a 503: nothing was stored and
   * the same request can be sent again. A missing blob is the caller's to judge.
   */
  private async storeCall<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof BlobMissingError || error instanceof DomainError) throw error;
      this.logger.warn(`could not ${what} (${this.store.kind} store): ${error instanceof Error ? error.message : String(error)}`);
      throw DomainError.unavailable(`the file store could not ${what}; nothing was changed: retry the request`);
    }
  }

  /**
   * Removes one upload (the uploader or ADMIN); refused while anything is attached to it.
   * The blob goes when no other upload has the same bytes.
   */
  async remove(ctx: WriteContext, rawId: string): Promise<WriteSummary> {
    const id = checkFileId(rawId);
    let sha256 = '';
    // The runner stores its result as the Idempotency-Key answer: the summary alone.
    const summary = await this.runner.run(ctx, async (manager) => {
      sha256 = await this.removeRow(manager, ctx, id, rawId);
      return { ...emptySummary(), removed: 1 };
    });
    await this.removeBlobIfUnused(sha256);
    return summary;
  }

  /**
   * After the row is gone (committed): the blob goes when no other upload has its bytes. A
   * store that fails here leaves an unused blob behind, which is harmless (the next upload of
   * the same bytes finds it), so the delete still succeeds.
   */
  private async removeBlobIfUnused(sha256: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const files = new FilesRepository(manager);
        await files.lockContent(sha256);
        if ((await files.countWithContent(sha256)) === 0) await this.store.delete(sha256);
      });
    } catch (error) {
      this.logger.warn(`blob ${sha256} left in the ${this.store.kind} store after its last file was deleted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async removeRow(manager: EntityManager, ctx: WriteContext, id: string, rawId: string): Promise<string> {
    const principal = ctx.principal;
    const files = new FilesRepository(manager);
    const row = await files.lockForDelete(id);
    const visible = row !== undefined && (await this.attachments.problems(manager, principal, [id])).size === 0;
    if (!visible) throw fileNotFound(rawId);
    if (principal.role !== 'ADMIN' && row.uploaded_by_key_id !== principal.keyId) throw DomainError.forbidden(`only the key that uploaded file ${id}, or an ADMIN key, may delete it`);
    const owners = await files.attachmentCounts(id);
    if (owners.length > 0) {
      const uses = owners.map((o) => `${o.n} ${o.owner_kind.toLowerCase()}${o.n === 1 ? '' : 's'}`).join(', ');
      throw DomainError.conflict(`file ${id} is ATTACHED (to ${uses}): a file referenced by an application, review or inspection cannot be deleted; detach it first`);
    }
    await files.delete(id);
    await this.audit.record(manager, ctx, 'file.delete', [
      { stationCode: null, entity: 'file', entityKey: id, beforeDigest: row.sha256, afterDigest: null, detail: { name: row.original_name } },
    ]);
    return row.sha256;
  }
}
