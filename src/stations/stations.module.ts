import { Module } from '@nestjs/common';
import { StationsController } from './stations.controller.js';
import { StationsService } from './stations.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({ imports: [OutboxModule, AuditModule, IngestionModule], controllers: [StationsController], providers: [StationsService], exports: [StationsService] })
export class StationsModule {}
