import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { RegionsController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';

@Module({ imports: [AuditModule, IngestionModule, RegionsModule], controllers: [RegionsController], providers: [ReferenceService] })
export class ReferenceModule {}
