// The case ledger's rows (执法办案台账): one per station and case number. Written by the
// push interface, read back by it, by the dashboard's ledger page and by the facts loader.
import type { RecordKind } from '../database/record-kind.js';
import type { EnforcementCase } from '../domain/station-data.js';

export interface CaseRow {
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

/** The row as the domain's case; typed StoredCase for readers that need the dates present. */
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

export const CASE_RECORD: RecordKind<EnforcementCase, CaseRow> = {
  table: 'enforcement_case',
  entity: 'enforcement_case',
  keyColumn: 'case_number',
  keyType: 'varchar',
  keyOf: (c) => c.caseNumber,
  returnsId: false,
  columns: [
    { name: 'procedure', type: 'varchar', value: (c) => c.procedure },
    { name: 'target', type: 'varchar', value: (c) => c.target },
    { name: 'violation', type: 'varchar', value: (c) => c.violation },
    { name: 'filed_on', type: 'date', value: (c) => c.filedOn },
    { name: 'decided_on', type: 'date', value: (c) => c.decidedOn },
    { name: 'closed_on', type: 'date', value: (c) => c.closedOn },
    { name: 'entered_on', type: 'date', value: (c) => c.enteredOn },
    { name: 'archived', type: 'boolean', value: (c) => c.archived },
    { name: 'publicised', type: 'boolean', value: (c) => c.publicised },
    { name: 'full_process_recorded', type: 'boolean', value: (c) => c.fullProcessRecorded },
    { name: 'major_decision', type: 'boolean', value: (c) => c.majorDecision },
    { name: 'legal_reviewed', type: 'boolean', value: (c) => c.legalReviewed },
    { name: 'file_review', type: 'varchar', value: (c) => c.fileReview },
    { name: 'file_reviewed_on', type: 'date', value: (c) => c.fileReviewedOn ?? null },
    { name: 'overturned', type: 'boolean', value: (c) => c.overturned },
    { name: 'overturned_on', type: 'date', value: (c) => c.overturnedOn ?? null },
    { name: 'fine_amount', type: 'numeric', value: (c) => c.fineAmount },
    { name: 'confiscation_amount', type: 'numeric', value: (c) => c.confiscationAmount },
    { name: 'minor_violation_exempted', type: 'boolean', value: (c) => c.minorViolationExempted },
  ],
  // Amounts as text: the exact decimal, as the API answers it.
  select: `case_number, procedure, target, violation, filed_on, decided_on, closed_on, entered_on, archived,
  publicised, full_process_recorded, major_decision, legal_reviewed, file_review, file_reviewed_on, overturned, overturned_on,
  fine_amount::text AS fine_amount, confiscation_amount::text AS confiscation_amount, minor_violation_exempted`,
  order: 'case_number',
  fromRow: caseFromRow,
};
