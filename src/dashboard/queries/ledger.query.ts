// 12315 figures of stations per calendar year, one statement for any number of stations.
import type { ComplaintYear } from '../types/ledger.types.js';
import type { Queryable } from '../../database/queryable.js';

const COUNT_COLUMNS = [
  'complaints_received',
  'complaints_checked_on_time',
  'complaints_closed',
  'complaints_closed_on_time',
  'mediations_attempted',
  'mediations_succeeded',
  'reports_received',
  'reports_verified_on_time',
  'real_name_reports',
  'real_name_reporters_notified',
] as const;

type FigureRow = Record<(typeof COUNT_COLUMNS)[number], number> & { station_code: string; year: number; yearly: boolean; months: number; national: number | null };

/** Figures per station and calendar year, newest first; a yearly row wins over that year's months. */
export async function loadComplaintYears(db: Queryable, codes: readonly string[]): Promise<Map<string, ComplaintYear[]>> {
  const rows = await db.query<FigureRow[]>(
    `SELECT f.station_code, f.year, f.month IS NULL AS yearly, count(*)::int AS months, m.rate::float8 AS national,
            ${COUNT_COLUMNS.map((c) => `sum(f.${c})::int AS ${c}`).join(', ')}
     FROM complaint_figures f LEFT JOIN mediation_average m ON m.year = f.year
     WHERE f.station_code = ANY($1::varchar[])
     GROUP BY f.station_code, f.year, f.month IS NULL, m.rate
     ORDER BY f.station_code, f.year DESC, f.month IS NULL DESC`,
    [codes],
  );
  const out = new Map<string, ComplaintYear[]>(codes.map((c) => [c, []]));
  for (const r of rows) {
    const years = out.get(r.station_code);
    // Rows come yearly first within a year: a later monthly row of the same year is shadowed.
    if (!years || years.some((y) => y.year === r.year)) continue;
    const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    years.push({
      year: r.year,
      months: r.yearly ? 0 : r.months,
      complaintsReceived: r.complaints_received,
      complaintsCheckedOnTime: r.complaints_checked_on_time,
      complaintsClosed: r.complaints_closed,
      complaintsClosedOnTime: r.complaints_closed_on_time,
      mediationsAttempted: r.mediations_attempted,
      mediationsSucceeded: r.mediations_succeeded,
      reportsReceived: r.reports_received,
      reportsVerifiedOnTime: r.reports_verified_on_time,
      realNameReports: r.real_name_reports,
      realNameReportersNotified: r.real_name_reporters_notified,
      checkedOnTimeRate: rate(r.complaints_checked_on_time, r.complaints_received),
      closedOnTimeRate: rate(r.complaints_closed_on_time, r.complaints_closed),
      mediationSuccessRate: rate(r.mediations_succeeded, r.mediations_attempted),
      nationalMediationAverage: r.national,
      reportsVerifiedOnTimeRate: rate(r.reports_verified_on_time, r.reports_received),
      realNameNotifiedRate: rate(r.real_name_reporters_notified, r.real_name_reports),
    });
  }
  return out;
}
