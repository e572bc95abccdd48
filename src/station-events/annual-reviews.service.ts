import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { AnnualReview } from '../domain/station-data.js';
import { STATION_SUBJECT } from '../domain/vocabulary.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { queryRows } from '../ingestion/sql.js';
import { StationAccess } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';

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
    const stored = await manager.query<{ station_code: string; year: number; subject: string; result: string }[]>(
      `SELECT station_code, year, subject, result FROM annual_review
       WHERE station_code = ANY($1::varchar[]) AND year = ANY($2::int[]) AND subject = ANY($3::varchar[])`,
      [[...new Set(rows.map((r) => r.stationCode))], [...new Set(rows.map((r) => r.row.year))], [...new Set(rows.map((r) => r.row.subject))]],
    );
    const before = new Map(stored.map((s) => [reviewKey(s.station_code, s.year, s.subject), s.result]));
    const changed = rows.filter((r) => before.get(reviewKey(r.stationCode, r.row.year, r.row.subject)) !== r.row.result);
    summary.unchanged = rows.length - changed.length;
    if (changed.length === 0) return summary;

    const written = await manager.query<{ id: string; station_code: string; year: number; subject: string; result: string; inserted: boolean }[]>(
      `INSERT INTO annual_review (station_code, year, subject, result)
       SELECT * FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::varchar[])
       ON CONFLICT (station_code, year, subject) DO UPDATE SET result = EXCLUDED.result, updated_at = now()
       WHERE annual_review.result IS DISTINCT FROM EXCLUDED.result
       RETURNING id::text AS id, station_code, year, subject, result, (xmax = 0) AS inserted`,
      [changed.map((r) => r.stationCode), changed.map((r) => r.row.year), changed.map((r) => r.row.subject), changed.map((r) => r.row.result)],
    );
    const audit: AuditEntry[] = [];
    const raised: typeof written = [];
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
    if (cleared.length > 0) {
      const removed = await queryRows<{ id: string; station_code: string; content_digest: string }>(
        manager,
        `DELETE FROM veto_event WHERE origin = 'ANNUAL_REVIEW' AND annual_review_id = ANY($1::bigint[]) RETURNING id, station_code, content_digest`,
        [cleared],
      );
      for (const r of removed) audit.push({ stationCode: r.station_code, entity: 'veto_event', entityKey: r.id, beforeDigest: r.content_digest, afterDigest: null });
    }
    if (raised.length > 0) {
      const vetoes = raised.map((w) => ({ ...w, ...reviewVeto({ year: w.year, subject: w.subject, result: FAILED }), digest: rowDigest({ origin: 'ANNUAL_REVIEW', annualReviewId: w.id }) }));
      const inserted = await manager.query<{ id: string; station_code: string; content_digest: string }[]>(
        `INSERT INTO veto_event (station_code, kind, date, description, person_external_id, origin, annual_review_id, content_digest)
         SELECT t.station_code, 'ANNUAL_REVIEW_FAILED', t.date, t.description, t.person, 'ANNUAL_REVIEW', t.review_id, t.digest
         FROM unnest($1::varchar[], $2::date[], $3::varchar[], $4::varchar[], $5::bigint[], $6::varchar[]) AS t(station_code, date, description, person, review_id, digest)
         ON CONFLICT (station_code, content_digest) DO NOTHING
         RETURNING id, station_code, content_digest`,
        [vetoes.map((v) => v.station_code), vetoes.map((v) => v.date), vetoes.map((v) => v.description), vetoes.map((v) => v.personExternalId), vetoes.map((v) => v.id), vetoes.map((v) => v.digest)],
      );
      for (const r of inserted) audit.push({ stationCode: r.station_code, entity: 'veto_event', entityKey: r.id, beforeDigest: null, afterDigest: r.content_digest });
    }
    await this.audit.record(manager, ctx, 'annual_reviews.post', audit);
    await this.outbox.stationsChanged(manager, written.map((w) => w.station_code), 'annual_reviews');
    return summary;
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string): Promise<(AnnualReview & { vetoId: string | null })[]> {
    await this.access.checkRead(manager, principal, stationCode);
    const rows = await manager.query<{ year: number; subject: string; result: AnnualReview['result']; veto_id: string | null }[]>(
      `SELECT r.year, r.subject, r.result, v.id AS veto_id FROM annual_review r
       LEFT JOIN veto_event v ON v.annual_review_id = r.id AND v.origin = 'ANNUAL_REVIEW'
       WHERE r.station_code = $1 ORDER BY r.year, r.subject`,
      [stationCode],
    );
    return rows.map((r) => ({ year: r.year, subject: r.subject, result: r.result, vetoId: r.veto_id }));
  }
}
