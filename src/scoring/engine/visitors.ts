// The fixed field order of every record in the input hash's serialization (encoder.ts).
//
// Values the engine cannot tell apart serialise alike, so that the same data hashes the
// same whichever way it arrived (pushed JSON, database rows, generator):
// - an absent field (undefined) is null;
// - a boolean is true or false: anything but true (absent, null) is false, as the engine
//   reads every boolean fact with `=== true`; 附件3 items are always 12 such booleans (a
//   blank item counts as no, and the database stores 12 booleans);
// - counts the engine reads as `x || 0` (training amounts, 12315 figures) serialise that way,
//   and seconded months that are not > 0 as 0;
// - a blank enforcement certificate number is none (the rules only ask whether there is one);
// - a missing assessment note or missing-item justification is '';
// - duties and rooms are sets: sorted, duplicates dropped.
import type {
  AnnualReview,
  BonusEvent,
  Certification,
  ComplaintFigures,
  DisciplinaryRecord,
  EnforcementCase,
  Equipment,
  MediationAverage,
  Person,
  StationProfile,
  TrainingYear,
  VetoEvent,
} from '../../domain/station-data.js';
import type { FactsEncoder, Visitor } from './encoder.js';
import type { Assessment, CollectionDigest, MissingItemMark, StationFacts } from './facts.js';
import { hasText } from './util.js';

export const visitTraining: Visitor<TrainingYear> = (t, k) => {
  k.n(t.year);
  k.n(t.offlineDays || 0);
  k.n(t.offlineHours || 0);
  k.n(t.onlineHours || 0);
  k.n(t.provincialTrainings || 0);
};
export const visitRecord: Visitor<DisciplinaryRecord> = (r, k) => {
  k.d(r.date);
  k.s(r.kind);
  k.s(r.description);
};
export const visitPerson: Visitor<Person> = (p, k) => {
  k.s(p.externalId);
  k.s(p.name);
  k.e(p.position);
  k.s(p.birthMonth);
  k.e(p.education);
  k.s(p.major);
  k.e(p.majorCategory);
  k.e(p.staffingType);
  k.s(hasText(p.enforcementCertNo) ? p.enforcementCertNo : null);
  const cert = p.specialEquipmentCert;
  if (cert === null || cert === undefined) k.b(false);
  else {
    k.b(true);
    k.s(cert.number);
    k.e(cert.class);
    k.d(cert.expiresOn);
  }
  k.d(p.hiredOn);
  k.n(p.secondedMonths > 0 ? p.secondedMonths : 0); // the rules count only months > 0
  const trainings = p.trainings ?? [];
  k.n(trainings.length);
  for (let i = 0; i < trainings.length; i++) visitTraining(trainings[i], k);
  k.d(p.lastHealthCheckOn);
  k.b(p.informationAdministrator);
  const records = p.disciplinaryRecords ?? [];
  k.n(records.length);
  for (let i = 0; i < records.length; i++) visitRecord(records[i], k);
  k.d(p.leftOn);
};
export const visitEquipment: Visitor<Equipment> = (e, k) => {
  k.s(e.externalId);
  k.e(e.type);
  k.n(e.quantity);
  k.e(e.status);
  k.d(e.acquiredOn);
};
export const visitCase: Visitor<EnforcementCase> = (c, k) => {
  k.s(c.caseNumber);
  k.e(c.procedure);
  k.s(c.target);
  k.s(c.violation);
  k.d(c.filedOn);
  k.d(c.decidedOn);
  k.d(c.closedOn);
  k.d(c.enteredOn);
  k.b(c.archived);
  k.b(c.publicised);
  k.b(c.fullProcessRecorded);
  k.b(c.majorDecision);
  k.b(c.legalReviewed);
  k.e(c.fileReview);
  k.d(c.fileReviewedOn);
  k.b(c.overturned);
  k.d(c.overturnedOn);
  k.s(c.fineAmount);
  k.s(c.confiscationAmount);
  k.b(c.minorViolationExempted);
};
export const visitComplaints: Visitor<ComplaintFigures> = (f, k) => {
  k.s(f.period);
  k.n(f.complaintsReceived || 0);
  k.n(f.complaintsCheckedOnTime || 0);
  k.n(f.complaintsClosed || 0);
  k.n(f.complaintsClosedOnTime || 0);
  k.n(f.mediationsAttempted || 0);
  k.n(f.mediationsSucceeded || 0);
  k.n(f.reportsReceived || 0);
  k.n(f.reportsVerifiedOnTime || 0);
  k.n(f.realNameReports || 0);
  k.n(f.realNameReportersNotified || 0);
};
export const visitMediation: Visitor<MediationAverage> = (m, k) => {
  k.n(m.year);
  k.n(m.rate);
};
const CERT_ITEM_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export const visitCertification: Visitor<Certification> = (c, k) => {
  k.n(c.year);
  const items = c.items ?? {};
  // always 12 booleans: an absent or blank item is no (附件3), as the engine reads it
  for (let i = 0; i < CERT_ITEM_KEYS.length; i++) k.b(items[CERT_ITEM_KEYS[i]] === true);
  k.s(c.certifiedBy);
  k.d(c.certifiedOn);
};
export const visitBonus: Visitor<BonusEvent> = (e, k) => {
  k.s(e.eventKey);
  k.e(e.category);
  k.e(e.level);
  k.d(e.date);
  k.s(e.subject);
  k.s(e.description);
  k.n(e.points);
};
export const visitVeto: Visitor<VetoEvent> = (v, k) => {
  k.s(v.id);
  k.e(v.kind);
  k.d(v.date);
  k.s(v.description);
  k.s(v.personExternalId);
  k.b(v.lifted);
};
export const visitReview: Visitor<AnnualReview> = (r, k) => {
  k.n(r.year);
  k.s(r.subject);
  k.e(r.result);
};
export const visitAssessment: Visitor<Assessment> = (a, k) => {
  k.s(a.criterionId);
  k.n(a.points);
  k.s(typeof a.note === 'string' ? a.note : '');
};
export const visitMark: Visitor<MissingItemMark> = (m, k) => {
  k.s(m.itemId);
  k.s(typeof m.justification === 'string' ? m.justification : '');
};

function visitList<T>(xs: readonly T[], visit: Visitor<T>, k: FactsEncoder): void {
  k.n(xs.length);
  for (let i = 0; i < xs.length; i++) visit(xs[i], k);
}

function visitProfile(p: StationProfile, k: FactsEncoder): void {
  k.s(p.name);
  k.s(p.countyCode);
  k.n(p.approvedHeadcount);
  k.n(p.duties.length);
  for (let i = 0; i < p.duties.length; i++) k.e(p.duties[i]);
  const pr = p.premises;
  k.b(pr.independent);
  k.n(pr.rooms.length);
  for (let i = 0; i < pr.rooms.length; i++) k.e(pr.rooms[i]);
  k.b(pr.internet);
  k.b(pr.privateNetwork);
}

/** Rows, or their collection digest when given. */
function visitRows<T>(xs: readonly T[], digest: CollectionDigest | undefined, visit: Visitor<T>, k: FactsEncoder): void {
  if (digest !== undefined) k.collection(digest);
  else visitList(xs, visit, k);
}

/** Writes canonical facts (as returned by canonicalizeFacts or prepareFacts) into an encoder. */
export function visitFacts(f: StationFacts, k: FactsEncoder): void {
  const d = f.digests;
  k.s(f.code);
  if (d?.profile !== undefined) k.digest(d.profile);
  else visitProfile(f.profile, k);
  visitRows(f.personnel, d?.personnel, visitPerson, k);
  visitRows(f.equipment, d?.equipment, visitEquipment, k);
  visitRows(f.cases, d?.cases, visitCase, k);
  visitRows(f.complaintFigures, d?.complaintFigures, visitComplaints, k);
  visitList(f.mediationAverages, visitMediation, k);
  visitRows(f.certifications, d?.certifications, visitCertification, k);
  visitRows(f.bonusEvents, d?.bonusEvents, visitBonus, k);
  visitRows(f.vetoEvents, d?.vetoEvents, visitVeto, k);
  visitRows(f.annualReviews, d?.annualReviews, visitReview, k);
  k.assessments(f.assessments, visitAssessment);
  visitList(f.missingItemMarks, visitMark, k);
}
