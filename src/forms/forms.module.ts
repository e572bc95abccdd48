import { Module } from '@nestjs/common';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { FormsController } from './forms.controller.js';
import { FORMS_RESOLVERS } from './forms.resolver.js';
import { FormsService } from './forms.service.js';
import { RoundFormsController } from './rounds-forms.controller.js';
import { RoundFormsService } from './rounds-forms.service.js';
import { RoundFormsSource } from './sources/round-sources.js';
import { DbCertificationSource, DbRankingSource, DbRosterSource, DbStationSource, SnapshotLiveScoreSource } from './sources/live-sources.js';
import { CERTIFICATION_SOURCE, LIVE_SCORE_SOURCE, RANKING_SOURCE, ROSTER_SOURCE, STATION_SOURCE } from './sources/ports.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';

/**
 * The official forms (附件1/2/3) and lists as .xlsx and PDF, live and of rating rounds: REST
 * downloads and their GraphQL paths (a round's paths: roundFormPaths / roundListPaths in download.ts).
 */
@Module({
  imports: [IngestionModule, DashboardModule, CertificationsModule, RoundsModule],
  controllers: [FormsController, RoundFormsController],
  providers: [
    FormsService,
    RoundFormsService,
    RoundFormsSource,
    ...FORMS_RESOLVERS,
    { provide: LIVE_SCORE_SOURCE, useClass: SnapshotLiveScoreSource },
    { provide: STATION_SOURCE, useClass: DbStationSource },
    { provide: ROSTER_SOURCE, useClass: DbRosterSource },
    { provide: CERTIFICATION_SOURCE, useClass: DbCertificationSource },
    { provide: RANKING_SOURCE, useClass: DbRankingSource },
  ],
})
export class FormsModule {}
