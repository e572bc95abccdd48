// The one mapping between an `enforcement_case` row and the domain's EnforcementCase, used
// by the push interface's read-back, the dashboard's ledger page and the facts loader.
import type { EnforcementCase } from '../domain/station-data.js';

/** Select list (unqualified columns of enforcement_case) that `caseFromRow` reads. */
export const CASE_COLUMNS = `station_code, case_number, procedure, target, violation, filed_on, decided_on, closed_on, entered_on, archived,
  publicised, full_process_recorded, major_decision, legal_reviewed, file_review, file_reviewed_on, overturned, overturned_on,
  fine_amount::text AS fine_amount, confiscation_amount::text AS confiscation_amount, minor_violation_exempted`;

export interface CaseRow {
  station_code: string;
  case_number: string;
  procedure: EnforcementCase['procedure'];
  target: string;
  violation: string | null;
  filed_on: string | null;
  decided_on: string | null;
  closed_on: string | null;
  entered_on: string | null;
  archived: boolean;
  publicised: boolean;
  full_process_recorded: boolean;
  major_decision: boolean;
  legal_reviewed: boolean;
  file_review: EnforcementCase['fileReview'];
  file_reviewed_on: string | null;
  overturned: boolean;
  overturned_on: string | null;
  fine_amount: string;
  confiscation_amount: string;
  minor_violation_exempted: boolean;
}

/** A case as stored: the dates a push may omit read back as null. */
export type StoredCase = EnforcementCase & Required<Pick<EnforcementCase, 'fileReviewedOn' | 'overturnedOn'>>;

export function caseFromRow(r: CaseRow): StoredCase {
  return {
    caseNumber: r.case_number,
    procedure: r.procedure,
    target: r.target,
    violation: r.violation,
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    closedOn: r.closed_on,
    enteredOn: r.entered_on,
    archived: r.archived,
    publicised: r.publicised,
    fullProcessRecorded: r.full_process_recorded,
    majorDecision: r.major_decision,
    legalReviewed: r.legal_reviewed,
    fileReview: r.file_review,
    fileReviewedOn: r.file_reviewed_on,
    overturned: r.overturned,
    overturnedOn: r.overturned_on,
    fineAmount: r.fine_amount,
    confiscationAmount: r.confiscation_amount,
    minorViolationExempted: r.minor_violation_exempted,
  };
}
