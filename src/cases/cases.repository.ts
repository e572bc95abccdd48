// The case ledger's reads: a station's ledger for the push interface's read-back, and for
// the dashboard the ledger summaries and keyset pages of many stations, each one
// statement. Writes go through the set-based TableWriter with CASE_RECORD. Case windows
// follow the engine (近2年 = [R − 2 years, R], R = the current score's cut-off, or today for
// a station not scored yet).
import type { Queryable } from '../database/queryable.js';
import type { StationRowOf } from '../database/record-kind.js';
import { NATIONAL_DEFAULT_POLICY } from '../rubric/index.js';
import { CASE_RECORD, caseFromRow, type CaseRow, type StoredCase } from './case.record.js';

/** A station's ledger counted over its 近2年 window (what the dashboard shows beside the score). */
export interface CaseLedgerTotals {
  windowFrom: string;
  windowTo: string;
  total: number;
  general: number;
  simple: number;
  closedInWindow: number;
  generalClosedInWindow: number;
  lateEntries: number;
  notArchived: number;
  notPublicised: number;
  withoutFullProcessRecord: number;
  majorWithoutLegalReview: number;
  fileReviewFailed: number;
  overturned: number;
  minorViolationExemptions: number;
  fineTotal: string;
  confiscationTotal: string;
  entryDeadlineDays: number;
}

export interface CasePageRequest {
  stationCode: string;
  first: number;
  /** Decoded cursor key (the last case number seen), or null. */
  after: string | null;
}

export interface CasePage {
  edges: { cursor: string; node: StoredCase }[];
  hasNextPage: boolean;
}

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

const SUMMARIES_SQL = `WITH p AS (
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
     GROUP BY p.code, p.window_from, p.cut_off, p.deadline`;

function totalsFromRow(r: CaseSummaryRow): CaseLedgerTotals {
  return {
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
  };
}

export class CasesRepository {
  constructor(private readonly db: Queryable) {}

  /** Up to `limit` cases of a station after `after` in case-number order, and the key to continue from (null: no more). */
  async page(stationCode: string, after: string | null, limit: number): Promise<{ items: StoredCase[]; nextAfter: string | null }> {
    const rows = await this.select(stationCode, `AND ($2::varchar IS NULL OR case_number > $2) ORDER BY case_number LIMIT $3`, [after, limit + 1]);
    const items = rows.slice(0, limit);
    return { items: items.map(caseFromRow), nextAfter: rows.length > limit ? items[items.length - 1].case_number : null };
  }

  /** One case of a station, or null. */
  async get(stationCode: string, caseNumber: string): Promise<StoredCase | null> {
    const [row] = await this.select(stationCode, `AND case_number = $2`, [caseNumber]);
    return row ? caseFromRow(row) : null;
  }

  /** The ledger totals of each station that exists, one statement. */
  async summaries(codes: readonly string[], today: string): Promise<Map<string, CaseLedgerTotals>> {
    const rows = await this.db.query<CaseSummaryRow[]>(SUMMARIES_SQL, [codes, today, NATIONAL_DEFAULT_POLICY.caseEntryDeadlineDays]);
    return new Map(rows.map((r) => [r.code, totalsFromRow(r)]));
  }

  /**
   * Keyset pages of ledgers in case-number order: one statement for every request (LATERAL
   * per station, rows of the largest `first + 1`, each page cut to its own size + 1 to tell
   * whether more follow).
   */
  async pages(requests: readonly CasePageRequest[], encode: (caseNumber: string) => string): Promise<CasePage[]> {
    const first = Math.max(...requests.map((r) => r.first));
    const rows = await this.db.query<StationRowOf<CaseRow>[]>(
      `SELECT c.* FROM unnest($1::varchar[], $2::varchar[]) AS r(station_code, after)
       CROSS JOIN LATERAL (
         SELECT station_code, ${CASE_RECORD.select}
         FROM enforcement_case e
         WHERE e.station_code = r.station_code AND (r.after IS NULL OR e.case_number > r.after)
         ORDER BY e.case_number LIMIT $3
       ) c`,
      [requests.map((r) => r.stationCode), requests.map((r) => r.after), first + 1],
    );
    return requests.map((r) => {
      const mine = rows.filter((row) => row.station_code === r.stationCode && (r.after === null || row.case_number > r.after)).slice(0, r.first + 1);
      const page = mine.slice(0, r.first);
      return { hasNextPage: mine.length > r.first, edges: page.map((c) => ({ cursor: encode(c.case_number), node: caseFromRow(c) })) };
    });
  }

  private select(stationCode: string, tail: string, params: unknown[]): Promise<CaseRow[]> {
    return this.db.query<CaseRow[]>(`SELECT ${CASE_RECORD.select} FROM enforcement_case WHERE station_code = $1 ${tail}`, [stationCode, ...params]);
  }
}
