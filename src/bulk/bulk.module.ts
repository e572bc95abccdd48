import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EquipmentModule } from '../equipment/equipment.module.js';
import { PersonnelModule } from '../personnel/personnel.module.js';
import { BulkController } from './bulk.controller.js';
import { BulkService } from './bulk.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';

@Module({ imports: [IngestionModule, PersonnelModule, EquipmentModule, CasesModule], controllers: [BulkController], providers: [BulkService] })
export class BulkModule {}
