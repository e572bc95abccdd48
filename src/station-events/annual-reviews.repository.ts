// The annual_review table's statements: the stored results a push compares against, the
// upsert of changed results, and a station's reviews with the vetoes they raised. The
// vetoes themselves are VetoEventsRepository's.
import type { Queryable } from '../database/queryable.js';
import type { AnnualReview } from '../domain/station-data.js';

/** A review result as stored, with its station. */
export interface StoredResult {
  station_code: string;
  year: number;
  subject: string;
  result: string;
}

/** A review row the upsert wrote: its id, and whether it is new. */
export interface WrittenReview extends StoredResult {
  id: string;
  inserted: boolean;
}

export class AnnualReviewsRepository {
  constructor(private readonly db: Queryable) {}

  /** Stored results of any of the stations, years and subjects (a superset of the pairs asked about). */
  results(stationCodes: readonly string[], years: readonly number[], subjects: readonly string[]): Promise<StoredResult[]> {
    return this.db.query<StoredResult[]>(
      `SELECT station_code, year, subject, result FROM annual_review
       WHERE station_code = ANY($1::varchar[]) AND year = ANY($2::int[]) AND subject = ANY($3::varchar[])`,
      [stationCodes, years, subjects],
    );
  }

  /** Upserts the results by (station, year, subject); answers the rows whose result changed. */
  upsert(rows: readonly { stationCode: string; row: AnnualReview }[]): Promise<WrittenReview[]> {
    return this.db.query<WrittenReview[]>(
      `INSERT INTO annual_review (station_code, year, subject, result)
       SELECT * FROM unnest($1::varchar[], $2::int[], $3::varchar[], $4::varchar[])
       ON CONFLICT (station_code, year, subject) DO UPDATE SET result = EXCLUDED.result, updated_at = now()
       WHERE annual_review.result IS DISTINCT FROM EXCLUDED.result
       RETURNING id::text AS id, station_code, year, subject, result, (xmax = 0) AS inserted`,
      [rows.map((r) => r.stationCode), rows.map((r) => r.row.year), rows.map((r) => r.row.subject), rows.map((r) => r.row.result)],
    );
  }

  /** A station's reviews by year and subject, each with the veto it raised (if any). */
  async list(stationCode: string): Promise<(AnnualReview & { vetoId: string | null })[]> {
    const rows = await this.db.query<{ year: number; subject: string; result: AnnualReview['result']; veto_id: string | null }[]>(
      `SELECT r.year, r.subject, r.result, v.id AS veto_id FROM annual_review r
       LEFT JOIN veto_event v ON v.annual_review_id = r.id AND v.origin = 'ANNUAL_REVIEW'
       WHERE r.station_code = $1 ORDER BY r.year, r.subject`,
      [stationCode],
    );
    return rows.map((r) => ({ year: r.year, subject: r.subject, result: r.result, vetoId: r.veto_id }));
  }
}
