import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({ imports: [OutboxModule, AuditModule, IngestionModule], controllers: [CasesController], providers: [CasesService], exports: [CasesService] })
export class CasesModule {}
