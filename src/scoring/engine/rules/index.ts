// Rule id → function, as a record typed by the rubric model: a rule id added to
// DATA_RULE_IDS without a function here, or a function reading parameters its rule does
// not declare, does not compile.
import type { DataRuleId } from '../../../rubric/model/data-rules.js';
import { caseEntryAndArchiving, caseFileReview, caseFullProcessRecord, caseLegalReview, casePublicity, noOverturnedCases } from './cases.rules.js';
import { complaintHandling, reportHandling } from './complaints.rules.js';
import {
  computersPerStaff,
  enforcementVehicle,
  fireControlSystem,
  heatingCooling,
  portableFieldKit,
  printCopyScan,
  surveillanceSystem,
  terminalsAndCameras,
  videoConference,
} from './equipment.rules.js';
import {
  annualTraining,
  bachelorShare,
  directorProvincialTraining,
  directorQualified,
  enforcementCertCoverage,
  healthChecks,
  informationAdministrator,
  noDisciplinaryRecords,
  relevantMajorShare,
  secondmentLimits,
  specialEquipmentInspectors,
  staffComplement,
  stationRatedExcellent,
} from './personnel.rules.js';
import { functionalRooms, independentPremises, livingFacilities, networks } from './premises.rules.js';
import type { RuleFn } from './rule-input.js';

export const DATA_RULES: { readonly [K in DataRuleId]: RuleFn<K> } = {
  CASE_ENTRY_AND_ARCHIVING: caseEntryAndArchiving,
  CASE_PUBLICITY: casePublicity,
  CASE_FULL_PROCESS_RECORD: caseFullProcessRecord,
  CASE_LEGAL_REVIEW: caseLegalReview,
  CASE_FILE_REVIEW: caseFileReview,
  NO_OVERTURNED_CASES: noOverturnedCases,
  COMPLAINT_HANDLING: complaintHandling,
  REPORT_HANDLING: reportHandling,
  NO_DISCIPLINARY_RECORDS: noDisciplinaryRecords,
  STATION_RATED_EXCELLENT: stationRatedExcellent,
  DIRECTOR_QUALIFIED: directorQualified,
  STAFF_COMPLEMENT: staffComplement,
  SECONDMENT_LIMITS: secondmentLimits,
  BACHELOR_SHARE: bachelorShare,
  RELEVANT_MAJOR_SHARE: relevantMajorShare,
  SPECIAL_EQUIPMENT_INSPECTORS: specialEquipmentInspectors,
  ENFORCEMENT_CERT_COVERAGE: enforcementCertCoverage,
  ANNUAL_TRAINING: annualTraining,
  DIRECTOR_PROVINCIAL_TRAINING: directorProvincialTraining,
  HEALTH_CHECKS: healthChecks,
  INDEPENDENT_PREMISES: independentPremises,
  FUNCTIONAL_ROOMS: functionalRooms,
  LIVING_FACILITIES: livingFacilities,
  COMPUTERS_PER_STAFF: computersPerStaff,
  PRINT_COPY_SCAN: printCopyScan,
  VIDEO_CONFERENCE: videoConference,
  ENFORCEMENT_VEHICLE: enforcementVehicle,
  TERMINALS_AND_CAMERAS: terminalsAndCameras,
  PORTABLE_FIELD_KIT: portableFieldKit,
  SURVEILLANCE_SYSTEM: surveillanceSystem,
  FIRE_CONTROL_SYSTEM: fireControlSystem,
  HEATING_COOLING: heatingCooling,
  NETWORKS: networks,
  INFORMATION_ADMINISTRATOR: informationAdministrator,
};

/** A data rule as the criterion pass calls it: rule(x, max, out, parameters). */
export type AnyRule = RuleFn<DataRuleId>;
export type AnyRuleParameters = Parameters<AnyRule>[3];

/**
 * A criterion's rule and parameters (compile.ts, once per rubric), kept apart rather than
 * bound in a closure, so each evaluation makes one call per data criterion, not two.
 */
export function ruleOf(id: DataRuleId, parameters: Readonly<Record<string, number>>): { fn: AnyRule; parameters: AnyRuleParameters } {
  // The rubric model types parameters loosely; DataRuleParameters[id] is checked by the
  // rubric's integrity test (every declared parameter present, nothing else).
  return { fn: DATA_RULES[id] as AnyRule, parameters: parameters as AnyRuleParameters };
}
