// Rule id → function. The switch is exhaustive over DataRuleId: a rule id added to the
// rubric model without a case here does not compile.
import type { DataRuleId } from '../../../rubric/model/data-rules.js';
import { assertUnreachable } from '../util.js';
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

export function ruleFor(id: DataRuleId): RuleFn {
  switch (id) {
    case 'CASE_ENTRY_AND_ARCHIVING':
      return caseEntryAndArchiving;
    case 'CASE_PUBLICITY':
      return casePublicity;
    case 'CASE_FULL_PROCESS_RECORD':
      return caseFullProcessRecord;
    case 'CASE_LEGAL_REVIEW':
      return caseLegalReview;
    case 'CASE_FILE_REVIEW':
      return caseFileReview;
    case 'NO_OVERTURNED_CASES':
      return noOverturnedCases;
    case 'COMPLAINT_HANDLING':
      return complaintHandling;
    case 'REPORT_HANDLING':
      return reportHandling;
    case 'NO_DISCIPLINARY_RECORDS':
      return noDisciplinaryRecords;
    case 'STATION_RATED_EXCELLENT':
      return stationRatedExcellent;
    case 'DIRECTOR_QUALIFIED':
      return directorQualified;
    case 'STAFF_COMPLEMENT':
      return staffComplement;
    case 'SECONDMENT_LIMITS':
      return secondmentLimits;
    case 'BACHELOR_SHARE':
      return bachelorShare;
    case 'RELEVANT_MAJOR_SHARE':
      return relevantMajorShare;
    case 'SPECIAL_EQUIPMENT_INSPECTORS':
      return specialEquipmentInspectors;
    case 'ENFORCEMENT_CERT_COVERAGE':
      return enforcementCertCoverage;
    case 'ANNUAL_TRAINING':
      return annualTraining;
    case 'DIRECTOR_PROVINCIAL_TRAINING':
      return directorProvincialTraining;
    case 'HEALTH_CHECKS':
      return healthChecks;
    case 'INDEPENDENT_PREMISES':
      return independentPremises;
    case 'FUNCTIONAL_ROOMS':
      return functionalRooms;
    case 'LIVING_FACILITIES':
      return livingFacilities;
    case 'COMPUTERS_PER_STAFF':
      return computersPerStaff;
    case 'PRINT_COPY_SCAN':
      return printCopyScan;
    case 'VIDEO_CONFERENCE':
      return videoConference;
    case 'ENFORCEMENT_VEHICLE':
      return enforcementVehicle;
    case 'TERMINALS_AND_CAMERAS':
      return terminalsAndCameras;
    case 'PORTABLE_FIELD_KIT':
      return portableFieldKit;
    case 'SURVEILLANCE_SYSTEM':
      return surveillanceSystem;
    case 'FIRE_CONTROL_SYSTEM':
      return fireControlSystem;
    case 'HEATING_COOLING':
      return heatingCooling;
    case 'NETWORKS':
      return networks;
    case 'INFORMATION_ADMINISTRATOR':
      return informationAdministrator;
    default:
      return assertUnreachable(id);
  }
}
