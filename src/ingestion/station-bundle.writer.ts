// Writes whole stations (a StationBundle, as the generator produces them) through the same
// service methods the REST interface uses: same validation, same digests, same audit and
// outbox rows. For the demo seed, test fixtures and benchmark loaders.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import { CASE_ROW } from '../cases/case.dto.js';
import { CasesService } from '../cases/cases.service.js';
import { CERTIFICATION_INPUT } from '../certifications/certification.dto.js';
import { CertificationsService } from '../certifications/certifications.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { COMPLAINT_COUNTS, checkPeriodParam } from '../complaints/complaint-figures.dto.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import type { Certification, ComplaintFigures, StationBundle } from '../domain/station-data.js';
import { EQUIPMENT_ROW } from '../equipment/equipment.dto.js';
import { EquipmentService } from '../equipment/equipment.service.js';
import { PERSON_ROW } from '../personnel/person.dto.js';
import { PersonnelService } from '../personnel/personnel.service.js';
import { AnnualReviewsService } from '../station-events/annual-reviews.service.js';
import { BonusEventsService } from '../station-events/bonus-events.service.js';
import { ANNUAL_REVIEW, BONUS_EVENT, VETO_EVENT } from '../station-events/station-events.dto.js';
import { VetoEventsService } from '../station-events/veto-events.service.js';
import { STATION_PROFILE } from '../stations/station.dto.js';
import { StationsService } from '../stations/stations.service.js';
import { StationAccess } from './station-access.js';
import { withToday } from './validation/field-rules.js';
import { parseBatch, parseOne } from './validation/validate.js';
import { systemContext, type WriteContext } from './write-context.js';
import { addSummaries, emptySummary, type WriteSummary } from './write-summary.js';

export const BUNDLE_PARTS = ['stations', 'personnel', 'equipment', 'cases', 'complaintFigures', 'certifications', 'bonusEvents', 'vetoEvents', 'annualReviews'] as const;
export type BundleSummary = Record<(typeof BUNDLE_PARTS)[number], WriteSummary>;

function emptyBundleSummary(): BundleSummary {
  return Object.fromEntries(BUNDLE_PARTS.map((p) => [p, emptySummary()])) as BundleSummary;
}

function addBundleSummaries(a: BundleSummary, b: BundleSummary): BundleSummary {
  return Object.fromEntries(BUNDLE_PARTS.map((p) => [p, addSummaries(a[p], b[p])])) as BundleSummary;
}

/** A bundle read through the push interface's row specs: validated and in normal form. */
type CheckedBundle = ReturnType<typeof checkBundle>;

/**
 * Generated bundles are written as of the generator's asOf, which tests set ahead of the
 * clock at times: the date rules' "today" does not bound what the system itself writes.
 */
function checkBundle(bundle: StationBundle): CheckedBundleParts {
  return withToday(null, () => checkBundleParts(bundle));
}

type CheckedBundleParts = ReturnType<typeof checkBundleParts>;

function checkBundleParts(bundle: StationBundle) {
  const label = (part: string) => `station ${bundle.code} ${part}`;
  const all = <T>(fn: () => T, part: string): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, `${label(part)}: ${error.message}`, error.problems);
      throw error;
    }
  };
  const many = Number.MAX_SAFE_INTEGER;
  const unique = <T>(rows: readonly T[], keyOf: (row: T) => string, part: string): void => {
    const seen = new Set<string>();
    const problems: { index: number; key: string; path: string; reason: string }[] = [];
    rows.forEach((row, index) => {
      const key = keyOf(row);
      if (seen.has(key)) problems.push({ index, key, path: '', reason: `${key} appears twice` });
      seen.add(key);
    });
    if (problems.length > 0) throw DomainError.badInput(`${label(part)}: duplicate keys`, problems);
  };
  unique(bundle.complaintFigures, (f) => f.period, 'complaint figures');
  unique(bundle.certifications, (c) => String(c.year), 'certifications');
  unique(bundle.bonusEvents, (e) => e.eventKey, 'bonus events');
  unique(bundle.annualReviews, (r) => `${r.year}/${r.subject}`, 'annual reviews');
  return {
    code: bundle.code,
    profile: all(() => parseOne(STATION_PROFILE, bundle.profile, 'the station profile'), 'profile'),
    personnel: all(() => parseBatch(PERSON_ROW, { items: bundle.personnel }, many), 'personnel'),
    equipment: all(() => parseBatch(EQUIPMENT_ROW, { items: bundle.equipment }, many), 'equipment'),
    cases: all(() => parseBatch(CASE_ROW, { items: bundle.cases }, many), 'cases'),
    complaintFigures: all(
      () =>
        bundle.complaintFigures.map((f): ComplaintFigures => {
          const { period, ...counts } = f;
          return { period: checkPeriodParam(period), ...parseOne(COMPLAINT_COUNTS, counts, `complaint figures ${period}`) };
        }),
      'complaint figures',
    ),
    certifications: all(
      () =>
        bundle.certifications.map((c): Certification => {
          const { year, ...input } = c;
          return { year, ...parseOne(CERTIFICATION_INPUT, input, `certification ${year}`) };
        }),
      'certifications',
    ),
    bonusEvents: all(() => bundle.bonusEvents.map((e) => parseOne(BONUS_EVENT, e, `bonus event ${e.eventKey}`)), 'bonus events'),
    vetoEvents: all(() => bundle.vetoEvents.map((v) => parseOne(VETO_EVENT, v, 'veto event')), 'veto events'),
    annualReviews: all(() => bundle.annualReviews.map((r) => parseOne(ANNUAL_REVIEW, r, 'annual review')), 'annual reviews'),
  };
}

@Injectable()
export class StationBundleWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: StationAccess,
    private readonly stations: StationsService,
    private readonly personnel: PersonnelService,
    private readonly equipment: EquipmentService,
    private readonly cases: CasesService,
    private readonly complaints: ComplaintsService,
    private readonly certifications: CertificationsService,
    private readonly bonusEvents: BonusEventsService,
    private readonly vetoEvents: VetoEventsService,
    private readonly annualReviews: AnnualReviewsService,
  ) {}

  /**
   * One station in one transaction: its profile replaced, its roster, equipment and case
   * ledger replaced, its figures, certifications, events and reviews upserted.
   */
  async write(bundle: StationBundle, principal: Principal = SYSTEM_PRINCIPAL): Promise<BundleSummary> {
    const checked = checkBundle(bundle);
    return this.dataSource.transaction((manager) => this.writeChunk(manager, systemContext(principal), [checked]));
  }

  /**
   * Many stations, `chunkSize` per transaction, each part written set-based across the
   * chunk. Answers the totals.
   */
  async writeMany(bundles: Iterable<StationBundle>, opts: { principal?: Principal; chunkSize?: number } = {}): Promise<BundleSummary> {
    const ctx = systemContext(opts.principal ?? SYSTEM_PRINCIPAL);
    const chunkSize = opts.chunkSize ?? 100;
    let total = emptyBundleSummary();
    let chunk: CheckedBundle[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const current = chunk;
      chunk = [];
      total = addBundleSummaries(total, await this.dataSource.transaction((manager) => this.writeChunk(manager, ctx, current)));
    };
    for (const bundle of bundles) {
      chunk.push(checkBundle(bundle));
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
    return total;
  }

  private async writeChunk(manager: EntityManager, ctx: WriteContext, bundles: CheckedBundle[]): Promise<BundleSummary> {
    const summary = emptyBundleSummary();
    const ordered = [...bundles].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const b of ordered) summary.stations = addSummaries(summary.stations, await this.stations.put(manager, ctx, b.code, b.profile));
    const codes = ordered.map((b) => b.code);
    await this.access.lockMany(manager, codes);
    const rowsOf = <R>(pick: (b: CheckedBundle) => readonly R[]) => ordered.flatMap((b) => pick(b).map((row) => ({ stationCode: b.code, row })));
    summary.personnel = await this.personnel.writeLocked(manager, ctx, rowsOf((b) => b.personnel), 'personnel.replace', codes);
    summary.equipment = await this.equipment.writeLocked(manager, ctx, rowsOf((b) => b.equipment), 'equipment.replace', codes);
    summary.cases = await this.cases.writeLocked(manager, ctx, rowsOf((b) => b.cases), 'cases.replace', codes);
    summary.complaintFigures = await this.complaints.writeLocked(manager, ctx, rowsOf((b) => b.complaintFigures));
    summary.certifications = await this.certifications.writeLocked(manager, ctx, rowsOf((b) => b.certifications));
    summary.bonusEvents = await this.bonusEvents.writeLocked(manager, ctx, rowsOf((b) => b.bonusEvents));
    summary.vetoEvents = addSummaries(emptySummary(), ...(await this.vetoEvents.writeLocked(manager, ctx, rowsOf((b) => b.vetoEvents))));
    summary.annualReviews = await this.annualReviews.writeLocked(manager, ctx, rowsOf((b) => b.annualReviews));
    return summary;
  }
}
