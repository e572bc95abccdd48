import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { assertUnreachable } from '../common/errors/error-code.js';
import { BLOB_STORE, type BlobStore } from './blob-store.js';
import { FileAttachments } from './file-attachments.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';

/** The configured store: a local directory by default, an S3-compatible bucket when FILES_S3_* is set. */
export function createBlobStore(config: AppConfig): BlobStore {
  const storage = config.files.storage;
  switch (storage.driver) {
    case 'local':
      return new LocalBlobStore(storage.dir);
    case 's3':
      return new S3BlobStore(storage);
    default:
      return assertUnreachable(storage);
  }
}

/** Evidence files (佐证材料): upload, download, delete, and attachments for rating rounds. */
@Module({
  imports: [AuditModule, IngestionModule],
  controllers: [FilesController],
  providers: [FileAttachments, FilesService, { provide: BLOB_STORE, inject: [APP_CONFIG], useFactory: createBlobStore }],
  exports: [FileAttachments],
})
export class FilesModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(BLOB_STORE) private readonly store: BlobStore) {}

  /** A store that cannot be reached or created stops the start with a message naming the setting. */
  async onModuleInit(): Promise<void> {
    await this.store.init();
  }

  onApplicationShutdown(): void {
    if (this.store instanceof S3BlobStore) this.store.close();
  }
}
