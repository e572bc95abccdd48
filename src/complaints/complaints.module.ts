import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller.js';
import { MediationAveragesController } from './mediation-averages.controller.js';
import { ComplaintsService } from './complaints.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({ imports: [OutboxModule, AuditModule, IngestionModule], controllers: [ComplaintsController, MediationAveragesController], providers: [ComplaintsService], exports: [ComplaintsService] })
export class ComplaintsModule {}
