import { Module } from '@nestjs/common';
import { CertificationsController } from './certifications.controller.js';
import { CertificationsService } from './certifications.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({ imports: [OutboxModule, AuditModule, IngestionModule], controllers: [CertificationsController], providers: [CertificationsService], exports: [CertificationsService] })
export class CertificationsModule {}
