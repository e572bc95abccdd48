import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EquipmentModule } from '../equipment/equipment.module.js';
import { PersonnelModule } from '../personnel/personnel.module.js';
import { StationEventsModule } from '../station-events/station-events.module.js';
import { StationsModule } from '../stations/stations.module.js';
import { StationBundleWriter } from './station-bundle.writer.js';
import { IngestionModule } from './ingestion.module.js';

/** StationBundleWriter, for the demo seed, fixtures and loaders (`app.get(StationBundleWriter)`). */
@Module({
  imports: [IngestionModule, StationsModule, PersonnelModule, EquipmentModule, CasesModule, ComplaintsModule, CertificationsModule, StationEventsModule],
  providers: [StationBundleWriter],
  exports: [StationBundleWriter],
})
export class BundleWriterModule {}
