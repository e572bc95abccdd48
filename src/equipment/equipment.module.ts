import { Module } from '@nestjs/common';
import { EquipmentController } from './equipment.controller.js';
import { EquipmentService } from './equipment.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({ imports: [OutboxModule, AuditModule, IngestionModule], controllers: [EquipmentController], providers: [EquipmentService], exports: [EquipmentService] })
export class EquipmentModule {}
