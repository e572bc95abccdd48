// The 12315 tables' statements: a station's figures read back, the dashboard's figures per
// calendar year (one statement for any number of stations), and the national mediation
// averages. Figures are written through the set-based TableWriter with COMPLAINT_FIGURES_RECORD.
import type { Queryable } from '../database/queryable.js';
import type { ComplaintCounts, ComplaintFigures, MediationAverage } from '../domain/station-data.js';
import { COMPLAINT_FIGURES_RECORD, COUNT_COLUMNS, countsFromRow, type CountsRow } from './complaint-figures.record.js';

/** A station's figures of one calendar year and the rates the dashboard shows. */
export interface ComplaintYearFigures extends ComplaintCounts {
  year: number;
  /** Monthly rows summed; 0 when a yearly row was pushed. */
  months: number;
  checkedOnTimeRate: number | null;
  closedOnTimeRate: number | null;
  mediationSuccessRate: number | null;
  nationalMediationAverage: number | null;
  reportsVerifiedOnTimeRate: number | null;
  realNameNotifiedRate: number | null;
}

type YearRow = CountsRow & { station_code: string; year: number; yearly: boolean; months: number; national: number | null };

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function yearFromRow(r: YearRow): ComplaintYearFigures {
  const counts = countsFromRow(r);
  return {
    year: r.year,
    months: r.yearly ? 0 : r.months,
    ...counts,
    checkedOnTimeRate: rate(counts.complaintsCheckedOnTime, counts.complaintsReceived),
    closedOnTimeRate: rate(counts.complaintsClosedOnTime, counts.complaintsClosed),
    mediationSuccessRate: rate(counts.mediationsSucceeded, counts.mediationsAttempted),
    nationalMediationAverage: r.national,
    reportsVerifiedOnTimeRate: rate(counts.reportsVerifiedOnTime, counts.reportsReceived),
    realNameNotifiedRate: rate(counts.realNameReportersNotified, counts.realNameReports),
  };
}

export class ComplaintsRepository {
  constructor(private readonly db: Queryable) {}

  /** A station's figures in period order, or the one period asked for. */
  async list(stationCode: string, period?: string): Promise<ComplaintFigures[]> {
    const rows = await this.db.query<Parameters<typeof COMPLAINT_FIGURES_RECORD.fromRow>[0][]>(
      `SELECT ${COMPLAINT_FIGURES_RECORD.select} FROM complaint_figures
       WHERE station_code = $1 AND ($2::varchar IS NULL OR period = $2) ORDER BY ${COMPLAINT_FIGURES_RECORD.order}`,
      [stationCode, period ?? null],
    );
    return rows.map(COMPLAINT_FIGURES_RECORD.fromRow);
  }

  /** Figures per station and calendar year, newest first; a yearly row wins over that year's months. */
  async years(codes: readonly string[]): Promise<Map<string, ComplaintYearFigures[]>> {
    const rows = await this.db.query<YearRow[]>(
      `SELECT f.station_code, f.year, f.month IS NULL AS yearly, count(*)::int AS months, m.rate::float8 AS national,
              ${COUNT_COLUMNS.map(([c]) => `sum(f.${c})::int AS ${c}`).join(', ')}
       FROM complaint_figures f LEFT JOIN mediation_average m ON m.year = f.year
       WHERE f.station_code = ANY($1::varchar[])
       GROUP BY f.station_code, f.year, f.month IS NULL, m.rate
       ORDER BY f.station_code, f.year DESC, f.month IS NULL DESC`,
      [codes],
    );
    const out = new Map<string, ComplaintYearFigures[]>(codes.map((c) => [c, []]));
    for (const r of rows) {
      const years = out.get(r.station_code);
      // Rows come yearly first within a year: a later monthly row of the same year is shadowed.
      if (!years || years.some((y) => y.year === r.year)) continue;
      years.push(yearFromRow(r));
    }
    return out;
  }

  /** The stored average of a year, locked until the transaction ends; null if none. */
  async lockMediationAverage(year: number): Promise<number | null> {
    const [row] = await this.db.query<{ rate: string }[]>(`SELECT rate FROM mediation_average WHERE year = $1 FOR UPDATE`, [year]);
    return row ? Number(row.rate) : null;
  }

  async putMediationAverage(year: number, rate: number, updatedBy: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO mediation_average (year, rate, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [year, rate, updatedBy],
    );
  }

  /** Every year's average in year order, or the one year asked for. */
  async mediationAverages(year?: number): Promise<(MediationAverage & { updatedAt: string })[]> {
    const rows = await this.db.query<{ year: number; rate: string; updated_at: Date }[]>(
      `SELECT year, rate, updated_at FROM mediation_average WHERE ($1::int IS NULL OR year = $1) ORDER BY year`,
      [year ?? null],
    );
    return rows.map((r) => ({ year: r.year, rate: Number(r.rate), updatedAt: r.updated_at.toISOString() }));
  }
}
