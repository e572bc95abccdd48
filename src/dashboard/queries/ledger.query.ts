// Case ledger and 12315 figures of stations, each one statement for any number
// of stations. Case windows follow the engine (近2年 = [R − 2 years, R], R = the current
// score's cut-off, or today for a station not scored yet).
import { NATIONAL_DEFAULT_POLICY } from '../../rubric/index.js';
import type { Edge } from '../types/common.types.js';
import type { CaseLedgerSummary, ComplaintYear, EnforcementCase } from '../types/ledger.types.js';
import type { Queryable } from '../../database/queryable.js';
import { CASE_COLUMNS, caseFromRow, type CaseRow } from '../../cases/case-row.js';

interface CaseSummaryRow {
  code: string;
  window_from: string;
  window_to: string;
  deadline: number;
  total: number;
  general: number;
  simple: number;
  closed_in_window: number;
  general_closed_in_window: number;
  late_entries: number;
  not_archived: number;
  not_publicised: number;
  without_full_process_record: number;
  major_without_legal_review: number;
  file_review_failed: number;
  overturned: number;
  minor_violation_exemptions: number;
  fine_total: string;
  confiscation_total: string;
}

export async function loadCaseSummaries(db: Queryable, codes: readonly string[], today: string): Promise<Map<string, CaseLedgerSummary>> {
  const rows = await db.query<CaseSummaryRow[]>(
    `WITH p AS (
       SELECT s.code, coalesce(ss.cut_off, $2::date) AS cut_off, (coalesce(ss.cut_off, $2::date) - interval '2 years')::date AS window_from,
              coalesce(sp.case_entry_deadline_days, $3::int) AS deadline
       FROM station s
       LEFT JOIN station_score ss ON ss.station_code = s.code
       LEFT JOIN star_policy sp ON sp.province_code = s.province_code AND sp.active
       WHERE s.code = ANY($1::varchar[])
     ), c AS (
       SELECT p.code, c.*, c.closed_on BETWEEN p.window_from AND p.cut_off AS closed_in, p.deadline
       FROM p JOIN enforcement_case c ON c.station_code = p.code
     )
     SELECT p.code, p.window_from, p.cut_off AS window_to, p.deadline,
            count(c.id)::int AS total,
            count(c.id) FILTER (WHERE c.procedure = 'GENERAL')::int AS general,
            count(c.id) FILTER (WHERE c.procedure = 'SIMPLE')::int AS simple,
            count(c.id) FILTER (WHERE c.closed_in)::int AS closed_in_window,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL')::int AS general_closed_in_window,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL'
                                  AND (c.entered_on IS NULL OR coalesce(c.decided_on, c.closed_on) IS NULL
                                       OR c.entered_on > coalesce(c.decided_on, c.closed_on) + c.deadline))::int AS late_entries,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL' AND NOT c.archived)::int AS not_archived,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL' AND NOT c.publicised)::int AS not_publicised,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL' AND NOT c.full_process_recorded)::int AS without_full_process_record,
            count(c.id) FILTER (WHERE c.closed_in AND c.procedure = 'GENERAL' AND c.major_decision AND NOT c.legal_reviewed)::int AS major_without_legal_review,
            count(c.id) FILTER (WHERE c.closed_in AND c.file_review = 'FAILED')::int AS file_review_failed,
            count(c.id) FILTER (WHERE c.overturned AND coalesce(c.overturned_on, c.closed_on, c.decided_on) BETWEEN p.window_from AND p.cut_off)::int AS overturned,
            count(c.id) FILTER (WHERE c.closed_in AND c.minor_violation_exempted)::int AS minor_violation_exemptions,
            coalesce(sum(c.fine_amount) FILTER (WHERE c.closed_in), 0)::numeric(16,2)::text AS fine_total,
            coalesce(sum(c.confiscation_amount) FILTER (WHERE c.closed_in), 0)::numeric(16,2)::text AS confiscation_total
     FROM p LEFT JOIN c ON c.code = p.code
     GROUP BY p.code, p.window_from, p.cut_off, p.deadline`,
    [codes, today, NATIONAL_DEFAULT_POLICY.caseEntryDeadlineDays],
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        windowFrom: r.window_from,
        windowTo: r.window_to,
        total: r.total,
        general: r.general,
        simple: r.simple,
        closedInWindow: r.closed_in_window,
        generalClosedInWindow: r.general_closed_in_window,
        lateEntries: r.late_entries,
        notArchived: r.not_archived,
        notPublicised: r.not_publicised,
        withoutFullProcessRecord: r.without_full_process_record,
        majorWithoutLegalReview: r.major_without_legal_review,
        fileReviewFailed: r.file_review_failed,
        overturned: r.overturned,
        minorViolationExemptions: r.minor_violation_exemptions,
        fineTotal: r.fine_total,
        confiscationTotal: r.confiscation_total,
        entryDeadlineDays: r.deadline,
      },
    ]),
  );
}

export interface PageRequest {
  stationCode: string;
  first: number;
  /** Decoded cursor key (the last case number seen), or null. */
  after: string | null;
}


/**
 * Keyset pages of case ledgers in case-number order: one statement for every request of
 * the same size (LATERAL per station), rows of `first + 1` to tell whether more follow.
 */
export async function loadCasePages(db: Queryable, requests: readonly PageRequest[], encode: (caseNumber: string) => string): Promise<{ edges: Edge<EnforcementCase>[]; hasNextPage: boolean }[]> {
  const first = Math.max(...requests.map((r) => r.first));
  const rows = await db.query<CaseRow[]>(
    `SELECT c.* FROM unnest($1::varchar[], $2::varchar[]) AS r(station_code, after)
     CROSS JOIN LATERAL (
       SELECT ${CASE_COLUMNS}
       FROM enforcement_case e
       WHERE e.station_code = r.station_code AND (r.after IS NULL OR e.case_number > r.after)
       ORDER BY e.case_number LIMIT $3
     ) c`,
    [requests.map((r) => r.stationCode), requests.map((r) => r.after), first + 1],
  );
  return requests.map((r) => {
    const mine = rows.filter((row) => row.station_code === r.stationCode && (r.after === null || row.case_number > r.after)).slice(0, r.first + 1);
    const page = mine.slice(0, r.first);
    return {
      hasNextPage: mine.length > r.first,
      edges: page.map((c) => ({
        cursor: encode(c.case_number),
        node: caseFromRow(c),
      })),
    };
  });
}

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
