import { Module } from '@nestjs/common';
import { CertificationsModule } from '../certifications/certifications.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { FormsController } from './forms.controller.js';
import { FORMS_RESOLVERS } from './forms.resolver.js';
import { FormsService } from './forms.service.js';
import { DbCertificationSource, DbRankingSource, DbRosterSource, DbStationSource, SnapshotLiveScoreSource } from './sources/live-sources.js';
import { CERTIFICATION_SOURCE, LIVE_SCORE_SOURCE, RANKING_SOURCE, ROSTER_SOURCE, STATION_SOURCE } from './sources/ports.js';

/** The official forms (附件1/2/3) and lists as .xlsx and PDF: REST downloads and their GraphQL paths. */
@Module({
  imports: [DashboardModule, CertificationsModule],
  controllers: [FormsController],
  providers: [
    FormsService,
    ...FORMS_RESOLVERS,
    { provide: LIVE_SCORE_SOURCE, useClass: SnapshotLiveScoreSource },
    { provide: STATION_SOURCE, useClass: DbStationSource },
    { provide: ROSTER_SOURCE, useClass: DbRosterSource },
    { provide: CERTIFICATION_SOURCE, useClass: DbCertificationSource },
    { provide: RANKING_SOURCE, useClass: DbRankingSource },
  ],
})
export class FormsModule {}
