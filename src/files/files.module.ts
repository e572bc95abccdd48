import { Module } from '@nestjs/common';
import { FileAttachments } from './file-attachments.js';

/** Evidence files (佐证材料): upload, download, delete, and attachments for rating rounds. */
@Module({ providers: [FileAttachments], exports: [FileAttachments] })
export class FilesModule {}
