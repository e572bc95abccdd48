// The official forms of the live data: checks who may read what, reads through the ports,
// builds the views and renders them. Small forms are rendered whole (an error is still a
// clean 4xx/5xx); the ranking streams.
import { PassThrough } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { assertUnreachable } from '../common/errors/error-code.js';
import { DomainError } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { canReadPersonalData } from '../auth/personal-data.js';
import { assertCovers } from '../dashboard/permissions.js';
import { todayIn } from '../domain/dates.js';
import { checkStationCode, StationAccess } from '../ingestion/station-access.js';
import { REGION_CODE_PATTERN } from '../ingestion/validation/field-rules.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../rubric/index.js';
import { selectCertification } from '../scoring/engine/attested.js';
import { certificationView, staffListView } from './build/views.builder.js';
import { contentTypeOf, parseStationFormFile, STATION_FORM_FILES, STATION_FORMS, type FormFile, type StationFormSpec } from './download.js';
import { renderCertificationPdf } from './render/pdf/certification.pdf.js';
import { renderScoringSheetPdf } from './render/pdf/scoring-sheet.pdf.js';
import { renderCertificationXlsx } from './render/xlsx/certification.xlsx.js';
import { renderRankingXlsx } from './render/xlsx/lists.xlsx.js';
import { renderScoringSheetXlsx } from './render/xlsx/scoring-sheet.xlsx.js';
import { renderStaffListXlsx } from './render/xlsx/staff-list.xlsx.js';
import { XLSX_CONTENT_TYPE } from './render/xlsx/xlsx-support.js';
import {
  CERTIFICATION_SOURCE,
  LIVE_SCORE_SOURCE,
  RANKING_SOURCE,
  ROSTER_SOURCE,
  STATION_SOURCE,
  type CertificationSource,
  type LiveScoreSource,
  type RankingSource,
  type RosterSource,
  type StationSource,
} from './sources/ports.js';
import type { CertificationView } from './views/certification.view.js';
import type { FormStation } from './views/common.js';
import type { ScoringSheetView } from './views/scoring-sheet.view.js';

@Injectable()
export class FormsService {
  private readonly logger = new Logger(FormsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: StationAccess,
    @Inject(LIVE_SCORE_SOURCE) private readonly scores: LiveScoreSource,
    @Inject(STATION_SOURCE) private readonly stations: StationSource,
    @Inject(ROSTER_SOURCE) private readonly roster: RosterSource,
    @Inject(CERTIFICATION_SOURCE) private readonly certifications: CertificationSource,
    @Inject(RANKING_SOURCE) private readonly ranking: RankingSource,
  ) {}

  /** `file` is "1.xlsx", "1.pdf", "2.xlsx", "3.xlsx" or "3.pdf"; anything else is NOT_FOUND. */
  async stationForm(principal: Principal, code: string, file: string): Promise<FormFile> {
    const spec = parseStationFormFile(file);
    if (spec === null) throw DomainError.notFound(`form ${file} (a station's forms are ${STATION_FORM_FILES.join(', ')})`);
    checkStationCode(code);
    const ref = await this.access.checkRead(this.db.manager, principal, code);
    const station = await this.stations.station(ref.code);
    if (station === null) throw DomainError.notFound(`station ${code}`);
    const form = STATION_FORMS[spec.form];
    return {
      fileName: `${form.name}-${station.code}.${spec.format}`,
      asciiName: `${form.ascii}-${station.code}.${spec.format}`,
      contentType: contentTypeOf(spec.format),
      body: await this.render(spec, station, principal),
    };
  }

  private async render(spec: StationFormSpec, station: FormStation, principal: Principal): Promise<Buffer> {
    const now = new Date();
    switch (spec.form) {
      case 1: {
        const view = await this.scoringSheet(station, now);
        return spec.format === 'pdf' ? renderScoringSheetPdf(view) : renderScoringSheetXlsx(view);
      }
      case 2: {
        const people = await this.roster.people(station.code, this.today(now));
        return renderStaffListXlsx(staffListView(station, people, this.today(now), canReadPersonalData(principal, station.countyCode)), now);
      }
      case 3: {
        const view = await this.certification(station);
        return spec.format === 'pdf' ? renderCertificationPdf(view, now) : renderCertificationXlsx(view, now);
      }
      default:
        return assertUnreachable(spec.form);
    }
  }

  private async scoringSheet(station: FormStation, now: Date): Promise<ScoringSheetView> {
    const live = await this.scores.current(station.code);
    if (live === null) throw DomainError.notFound(`score of station ${station.code} (it has not been scored yet; a station is scored within seconds of its first push)`);
    return {
      station,
      evaluation: { kind: 'LIVE', evaluatedAt: live.evaluatedAt },
      rubric: getRubric(live.result.rubricVersion),
      score: live.result,
      resultDigest: live.resultDigest,
      materials: new Map(),
      generatedAt: now,
      timeZone: this.config.timeZone,
    };
  }

  /** The certification the live score attests with: the latest whose year is this year or before. */
  private async certification(station: FormStation): Promise<CertificationView> {
    const year = Number(this.today(new Date()).slice(0, 4));
    const certification = selectCertification({ certifications: await this.certifications.certifications(station.code) }, year);
    if (certification === null) throw DomainError.notFound(`certification (附件3) of station ${station.code} for ${year} or earlier`);
    return certificationView(station, certification, getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion));
  }

  /** A region's live ranking as .xlsx, streamed. */
  async rankingXlsx(principal: Principal, regionCode: string): Promise<FormFile> {
    if (!REGION_CODE_PATTERN.test(regionCode)) throw DomainError.badInput('malformed region code', [{ path: 'code', reason: 'a 6-digit GB/T 2260 region code, e.g. 130000' }]);
    assertCovers(principal, regionCode, `region ${regionCode}`);
    const name = await this.ranking.regionName(regionCode);
    if (name === null) throw DomainError.notFound(`region ${regionCode}`);
    const out = new PassThrough();
    const now = new Date();
    renderRankingXlsx({ region: { code: regionCode, name }, generatedAt: now, timeZone: this.config.timeZone, rows: this.ranking.rows(regionCode) }, out).catch((error: unknown) => {
      if (!out.destroyed) this.logger.error(`ranking ${regionCode} failed`, error instanceof Error ? error.stack : String(error));
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return { fileName: `排名-${name}-${regionCode}.xlsx`, asciiName: `ranking-${regionCode}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: out };
  }

  private today(now: Date): string {
    return todayIn(this.config.timeZone, now);
  }
}
