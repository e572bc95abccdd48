import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { AnnualReview } from '../domain/station-data.js';
import { STATION_SUBJECT } from '../domain/vocabulary.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { AnnualReviewsRepository, type WrittenReview } from './annual-reviews.repository.js';
import { VetoEventsRepository } from './veto-events.repository.js';

const FAILED = 'INCOMPETENT';

const reviewKey = (stationCode: string, year: number, subject: string) => `${stationCode}\u0000${year}\u0000${subject}`;

/** The veto an INCOMPETENT review raises: dated the last day of the reviewed year. */
export function reviewVeto(review: AnnualReview): { date: string; description: string; personExternalId: string | null } {
  const station = review.subject === STATION_SUBJECT;
  return {
    date: `${review.year}-12-31`,
    description: station ? `${review.year}年度考核不合格（市场监管所）` : `${review.year}年度考核不称职（人员 ${review.subject}）`,
    personExternalId: station ? null : review.subject,
  };
}

/**
 * Annual review results (年度考核) of a station or a person, upserted by (year, subject).
 * An INCOMPETENT result raises an ANNUAL_REVIEW_FAILED veto by itself; when a later push
 * changes that review's result, the veto it raised goes.
 */
@Injectable()
export class AnnualReviewsService {
  constructor(
    private readonly access: StationAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async post(manager: EntityManager, ctx: WriteContext, stationCode: string, review: AnnualReview): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.writeLocked(manager, ctx, [{ stationCode, row: review }]);
  }

  /** Upserts reviews of stations the caller has locked and checked. */
  async writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: AnnualReview }[]): Promise<WriteSummary> {
    const summary = emptySummary();
    if (rows.length === 0) return summary;
    const reviews = new AnnualReviewsRepository(manager);
    const stored = await reviews.results(
      [...new Set(rows.map((r) => r.stationCode))],
      [...new Set(rows.map((r) => r.row.year))],
      [...new Set(rows.map((r) => r.row.subject))],
    );
    const before = new Map(stored.map((s) => [reviewKey(s.station_code, s.year, s.subject), s.result]));
    const changed = rows.filter((r) => before.get(reviewKey(r.stationCode, r.row.year, r.row.subject)) !== r.row.result);
    summary.unchanged = rows.length - changed.length;
    if (changed.length === 0) return summary;

    const written = await reviews.upsert(changed);
    const audit: AuditEntry[] = [];
    const raised: WrittenReview[] = [];
    const cleared: string[] = [];
    for (const w of written) {
      const old = before.get(reviewKey(w.station_code, w.year, w.subject)) ?? null;
      if (w.inserted) summary.created++;
      else summary.updated++;
      audit.push({
        stationCode: w.station_code,
        entity: 'annual_review',
        entityKey: `${w.year}/${w.subject}`,
        beforeDigest: old === null ? null : rowDigest({ year: w.year, subject: w.subject, result: old }),
        afterDigest: rowDigest({ year: w.year, subject: w.subject, result: w.result }),
      });
      if (w.result === FAILED && old !== FAILED) raised.push(w);
      if (old === FAILED && w.result !== FAILED) cleared.push(w.id);
    }
    audit.push(...(await this.applyVetoes(new VetoEventsRepository(manager), raised, cleared)));
    await this.audit.record(manager, ctx, 'annual_reviews.post', audit);
    await this.outbox.stationsChanged(manager, written.map((w) => w.station_code), 'annual_reviews');
    return summary;
  }

  /** Raises the vetoes of newly failed reviews and deletes those of reviews no longer failed: their audit entries. */
  private async applyVetoes(vetoes: VetoEventsRepository, raised: readonly WrittenReview[], cleared: readonly string[]): Promise<AuditEntry[]> {
    const audit: AuditEntry[] = [];
    if (cleared.length > 0) {
      for (const r of await vetoes.deleteRaised(cleared)) audit.push({ stationCode: r.station_code, entity: 'veto_event', entityKey: r.id, beforeDigest: r.content_digest, afterDigest: null });
    }
    if (raised.length > 0) {
      const inserted = await vetoes.insertRaised(
        raised.map((w) => ({
          stationCode: w.station_code,
          ...reviewVeto({ year: w.year, subject: w.subject, result: FAILED }),
          reviewId: w.id,
          digest: rowDigest({ origin: 'ANNUAL_REVIEW', annualReviewId: w.id }),
        })),
      );
      for (const r of inserted) audit.push({ stationCode: r.station_code, entity: 'veto_event', entityKey: r.id, beforeDigest: null, afterDigest: r.content_digest });
    }
    return audit;
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string): Promise<(AnnualReview & { vetoId: string | null })[]> {
    await this.access.checkRead(manager, principal, stationCode);
    return new AnnualReviewsRepository(manager).list(stationCode);
  }
}
