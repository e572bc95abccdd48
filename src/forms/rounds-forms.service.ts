// The official forms of a rating round: a station's 附件1/2/3 as its application stands in
// the round, the round's 公示名单 and its full result table. Who may read what: the round
// must lie in the key's province (else 404, as RoundsService.get answers), a station's
// forms follow the station's scope (outside the key's region 404), the 公示名单 is public to
// every key of the province once published, the result table is for PROVINCE and ADMIN keys
// (the controller's @Roles).
import { PassThrough, type Writable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { canReadPersonalData } from '../auth/personal-data.js';
import type { Principal } from '../auth/principal.js';
import { assertUnreachable } from '../common/errors/error-code.js';
import { DomainError } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { checkUuid } from '../dashboard/args.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { todayIn } from '../domain/dates.js';
import { checkStationCode, StationAccess } from '../ingestion/station-access.js';
import { getRubric } from '../rubric/index.js';
import type { RatingRoundRecord } from '../rounds/rating-round.entity.js';
import type { RoundApplicationRecord } from '../rounds/round-application.entity.js';
import type { StationFactsJson } from '../rounds/round-facts.js';
import { levelStars } from '../rounds/round-status.js';
import { RoundsService } from '../rounds/rounds.service.js';
import { certificationView, staffListView } from './build/views.builder.js';
import { declaredMissingItems, frozenRoster, materialTitles, roundCertificationForm } from './build/round-views.builder.js';
import { contentTypeOf, parseStationFormFile, STATION_FORM_FILES, STATION_FORMS, type FormFile, type FormFormat, type StationFormSpec } from './download.js';
import { APPLICATION_STATUS_LABELS, levelLabel, ROUND_STATUS_LABELS } from './labels.js';
import { renderCertificationPdf } from './render/pdf/certification.pdf.js';
import { renderPublicationListPdf } from './render/pdf/publication-list.pdf.js';
import { renderScoringSheetPdf } from './render/pdf/scoring-sheet.pdf.js';
import { renderCertificationXlsx } from './render/xlsx/certification.xlsx.js';
import { renderPublicationListXlsx, renderResultsXlsx } from './render/xlsx/lists.xlsx.js';
import { renderScoringSheetXlsx } from './render/xlsx/scoring-sheet.xlsx.js';
import { renderStaffListXlsx } from './render/xlsx/staff-list.xlsx.js';
import { XLSX_CONTENT_TYPE } from './render/xlsx/xlsx-support.js';
import { RoundFormsSource } from './sources/round-sources.js';
import type { FormStation } from './views/common.js';
import type { PublicationListView, RoundHeader } from './views/lists.view.js';
import type { ScoringSheetView } from './views/scoring-sheet.view.js';

/** Round statuses in which the 公示名单 exists. */
const PUBLISHED = ['PUBLICIZING', 'CONFIRMED'] as const;

@Injectable()
export class RoundFormsService {
  private readonly logger = new Logger(RoundFormsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: StationAccess,
    private readonly rounds: RoundsService,
    private readonly source: RoundFormsSource,
  ) {}

  /** `file` is "1.xlsx", "1.pdf", "2.xlsx", "3.xlsx" or "3.pdf"; anything else is NOT_FOUND. */
  async stationForm(principal: Principal, roundId: string, code: string, file: string): Promise<FormFile> {
    // Every malformed path parameter is listed in one 400, before anything is looked up.
    checkPathParameters([() => checkUuid(roundId, 'roundId'), () => checkStationCode(code)]);
    const spec = parseStationFormFile(file);
    if (spec === null) throw DomainError.notFound(`form ${file} (a station's forms are ${STATION_FORM_FILES.join(', ')})`);
    const round = await this.rounds.get(principal, roundId);
    const ref = await this.access.checkRead(this.db.manager, principal, code);
    const application = await this.source.application(round.id, ref.code);
    const station = application === null ? null : await this.source.station(ref.code);
    if (application === null || station === null) throw DomainError.notFound(`application of station ${code} in rating round ${round.id}`);
    const form = STATION_FORMS[spec.form];
    return {
      fileName: `${form.name}-${station.code}-${round.name}.${spec.format}`,
      asciiName: `${form.ascii}-${station.code}-round-${round.id.slice(0, 8)}.${spec.format}`,
      contentType: contentTypeOf(spec.format),
      body: await this.render(spec, round, application, station, principal),
    };
  }

  private async render(spec: StationFormSpec, round: RatingRoundRecord, application: RoundApplicationRecord, station: FormStation, principal: Principal): Promise<Buffer> {
    const now = new Date();
    switch (spec.form) {
      case 1: {
        const view = await this.scoringSheet(round, application, station, now);
        return spec.format === 'pdf' ? renderScoringSheetPdf(view) : renderScoringSheetXlsx(view);
      }
      case 2: {
        const frozen = submitted(application, '附件2');
        const filledOn = todayIn(this.config.timeZone, application.submittedAt ?? now);
        const trainingYear = Number(round.cutOff.slice(0, 4)) - 1;
        const view = staffListView(station, frozenRoster(frozen, round.cutOff), filledOn, canReadPersonalData(principal, station.countyCode), trainingYear);
        return renderStaffListXlsx(view, now);
      }
      case 3: {
        // Drafts too: the county prints 附件3 from its draft, seals it and uploads the scan before submitting.
        if (application.certification === null) throw DomainError.notFound(`certification (附件3) of the application of station ${station.code} (not given yet)`);
        const certification = roundCertificationForm(application.certification, round.cutOff);
        const view = certificationView(station, certification, getRubric(round.rubricVersion), application.certification.remarks);
        return spec.format === 'pdf' ? renderCertificationPdf(view, now) : renderCertificationXlsx(view, now);
      }
      default:
        return assertUnreachable(spec.form);
    }
  }

  private async scoringSheet(round: RatingRoundRecord, application: RoundApplicationRecord, station: FormStation, now: Date): Promise<ScoringSheetView> {
    submitted(application, '附件1');
    const score = await this.source.score(round, application);
    const rubric = getRubric(score.result.rubricVersion);
    const fileIds = application.materials.flatMap((m) => m.items.flatMap((i) => i.fileIds));
    const details = [
      `评定等级${levelLabel(levelStars(round.level))}`,
      `批次${ROUND_STATUS_LABELS[round.status]}`,
      `申报${APPLICATION_STATUS_LABELS[application.status] ?? application.status}`,
      score.origin === 'STORED' ? '认定结果' : '按申报时冻结的数据及评审记录计算',
    ];
    return {
      station,
      evaluation: { kind: 'ROUND', roundId: round.id, roundName: round.name, detail: details.join('；') },
      rubric,
      score: score.result,
      resultDigest: score.resultDigest,
      materials: materialTitles(application.materials, await this.source.fileNames(fileIds)),
      declaredMissingItems: declaredMissingItems(rubric, application.missingItems, await this.source.missingItemDecisions(application.id)),
      generatedAt: now,
      timeZone: this.config.timeZone,
    };
  }

  /** 公示名单 as .xlsx or PDF: every key of the round's province, once the round is published. */
  async publicationList(principal: Principal, roundId: string, format: FormFormat): Promise<FormFile> {
    const round = await this.rounds.get(principal, checkUuid(roundId, 'roundId'));
    if (!(PUBLISHED as readonly string[]).includes(round.status)) {
      throw DomainError.conflict(`the round is ${round.status}; its publication list (公示名单) exists once it is ${PUBLISHED.join(' or ')}`);
    }
    const view: PublicationListView = {
      round: await this.header(round),
      publicationFrom: round.publicationFrom,
      publicationTo: round.publicationTo,
      entries: await this.source.publicationEntries(round),
      generatedAt: new Date(),
      timeZone: this.config.timeZone,
    };
    const body = format === 'pdf' ? await renderPublicationListPdf(view) : await collect((out) => renderPublicationListXlsx(view, out));
    return { fileName: `公示名单-${round.name}.${format}`, asciiName: `publication-list-round-${round.id.slice(0, 8)}.${format}`, contentType: contentTypeOf(format), body };
  }

  /** The round's full result table as .xlsx, streamed (every submitted application, by region). */
  async resultsXlsx(principal: Principal, roundId: string): Promise<FormFile> {
    const round = await this.rounds.get(principal, checkUuid(roundId, 'roundId'));
    const header = await this.header(round);
    const out = new PassThrough();
    renderResultsXlsx({ round: header, rows: this.source.resultRows(round), generatedAt: new Date(), timeZone: this.config.timeZone }, out).catch((error: unknown) => {
      if (!out.destroyed) this.logger.error(`results of round ${round.id} failed`, error instanceof Error ? error.stack : String(error));
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return { fileName: `评定结果-${round.name}.xlsx`, asciiName: `results-round-${round.id.slice(0, 8)}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: out };
  }

  private async header(round: RatingRoundRecord): Promise<RoundHeader> {
    const province = (await new RegionsRepository(this.db).byCodes([round.provinceCode])).get(round.provinceCode);
    return { id: round.id, name: round.name, provinceName: province?.name ?? round.provinceCode, level: levelStars(round.level), cutOff: round.cutOff };
  }
}

/** The frozen facts of an application that was submitted; 409 naming the status of one that never was. */
function submitted(application: RoundApplicationRecord, form: string): StationFactsJson {
  if (application.frozenFacts === null) throw DomainError.conflict(`the application is ${application.status}; its ${form} exists once it is submitted`);
  return application.frozenFacts;
}

/** Runs each check of a path parameter; the problems of all that fail as one BAD_USER_INPUT. */
function checkPathParameters(checks: readonly (() => unknown)[]): void {
  const problems = checks.flatMap((check) => {
    try {
      check();
      return [];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.problems;
      throw error;
    }
  });
  if (problems.length > 0) throw DomainError.badInput('malformed path parameters', problems);
}

/** A small workbook rendered whole, so that a failure is still a clean error answer. */
async function collect(render: (out: Writable) => Promise<number>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await render(out);
  await ended;
  return Buffer.concat(chunks);
}
