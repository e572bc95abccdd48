// 12315 complaint and report figures (投诉举报数据): one row per station and period, a
// year ('YYYY') or a month ('YYYY-MM'), stored with the year and month apart for sums.
import type { RecordKind } from '../database/record-kind.js';
import type { ComplaintCounts, ComplaintFigures } from '../domain/station-data.js';

/** The count columns and the fields they hold, in the figures' order. */
export const COUNT_COLUMNS = [
  ['complaints_received', 'complaintsReceived'],
  ['complaints_checked_on_time', 'complaintsCheckedOnTime'],
  ['complaints_closed', 'complaintsClosed'],
  ['complaints_closed_on_time', 'complaintsClosedOnTime'],
  ['mediations_attempted', 'mediationsAttempted'],
  ['mediations_succeeded', 'mediationsSucceeded'],
  ['reports_received', 'reportsReceived'],
  ['reports_verified_on_time', 'reportsVerifiedOnTime'],
  ['real_name_reports', 'realNameReports'],
  ['real_name_reporters_notified', 'realNameReportersNotified'],
] as const;

/** A row's counts under their column names (stored rows, or sums named like them). */
export type CountsRow = Record<(typeof COUNT_COLUMNS)[number][0], number>;

export const countsFromRow = (r: CountsRow): ComplaintCounts => Object.fromEntries(COUNT_COLUMNS.map(([c, f]) => [f, r[c]])) as unknown as ComplaintCounts;

// Written out, not built from COUNT_COLUMNS: the facts loader maps ~1.2 million of these per
// 40,000 stations, and a literal is ~5× faster and gives the engine objects of one shape.
const figuresFromRow = (r: CountsRow & { period: string }): ComplaintFigures => ({
  period: r.period,
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
});

export const COMPLAINT_FIGURES_RECORD: RecordKind<ComplaintFigures, CountsRow & { period: string }> = {
  table: 'complaint_figures',
  entity: 'complaint_figures',
  keyColumn: 'period',
  keyType: 'varchar',
  keyOf: (f) => f.period,
  returnsId: false,
  columns: [
    { name: 'year', type: 'int', value: (f) => Number(f.period.slice(0, 4)) },
    { name: 'month', type: 'int', value: (f) => (f.period.length === 7 ? Number(f.period.slice(5, 7)) : null) },
    ...COUNT_COLUMNS.map(([column, field]) => ({ name: column, type: 'int', value: (f: ComplaintFigures) => f[field] })),
  ],
  select: `period, ${COUNT_COLUMNS.map(([c]) => c).join(', ')}`,
  order: 'period',
  fromRow: figuresFromRow,
};
