// Every GraphQL enum, registered once from the domain's own tuples so that the schema, the
// database CHECKs and the engine read the same vocabulary.
import { registerEnumType } from '@nestjs/graphql';
import {
  BONUS_CATEGORIES,
  BONUS_LEVELS,
  CASE_PROCEDURES,
  DUTIES,
  EDUCATIONS,
  EQUIPMENT_STATUSES,
  EQUIPMENT_TYPES,
  FILE_REVIEW_RESULTS,
  MAJOR_CATEGORIES,
  POSITIONS,
  ROOMS,
  SPECIAL_EQUIPMENT_CERT_CLASSES,
  STAFFING_TYPES,
  VETO_KINDS,
} from '../domain/vocabulary.js';
import { RECOMPUTE_RUN_STATUSES, RECOMPUTE_TRIGGERS } from '../recompute/recompute-run.entity.js';
import { REGION_LEVELS } from '../regions/region.entity.js';
import { CRITERION_SOURCES } from '../rubric/model/rubric.js';
import { CRITERION_STATUSES } from '../scoring/engine/score-result.js';
import { VETO_ORIGINS } from '../station-events/veto-event.entity.js';

/** `{ A: 'A', B: 'B' }` from `['A', 'B']`: the shape registerEnumType wants. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const STATION_ORDERS = ['TOTAL_DESC', 'TOTAL_ASC', 'NAME', 'CODE'] as const;
export type StationOrder = (typeof STATION_ORDERS)[number];

export const INDICATOR_SET_KINDS = ['ALL', 'STARRED', 'LIST'] as const;

export const GqlDuty = enumOf(DUTIES);
export const GqlRoom = enumOf(ROOMS);
export const GqlPosition = enumOf(POSITIONS);
export const GqlEducation = enumOf(EDUCATIONS);
export const GqlMajorCategory = enumOf(MAJOR_CATEGORIES);
export const GqlStaffingType = enumOf(STAFFING_TYPES);
export const GqlSpecialEquipmentCertClass = enumOf(SPECIAL_EQUIPMENT_CERT_CLASSES);
export const GqlEquipmentType = enumOf(EQUIPMENT_TYPES);
export const GqlEquipmentStatus = enumOf(EQUIPMENT_STATUSES);
export const GqlCaseProcedure = enumOf(CASE_PROCEDURES);
export const GqlFileReviewResult = enumOf(FILE_REVIEW_RESULTS);
export const GqlBonusCategory = enumOf(BONUS_CATEGORIES);
export const GqlBonusLevel = enumOf(BONUS_LEVELS);
export const GqlVetoKind = enumOf(VETO_KINDS);
export const GqlVetoOrigin = enumOf(VETO_ORIGINS);
export const GqlCriterionSource = enumOf(CRITERION_SOURCES);
export const GqlCriterionStatus = enumOf(CRITERION_STATUSES);
export const GqlRegionLevel = enumOf(REGION_LEVELS);
export const GqlRecomputeTrigger = enumOf(RECOMPUTE_TRIGGERS);
export const GqlRecomputeRunStatus = enumOf(RECOMPUTE_RUN_STATUSES);
export const GqlStationOrder = enumOf(STATION_ORDERS);
export const GqlIndicatorSetKind = enumOf(INDICATOR_SET_KINDS);

const REGISTRY: [object, string, string][] = [
  [GqlDuty, 'Duty', 'A duty (职责) a station may carry.'],
  [GqlRoom, 'Room', 'Rooms of 39② / 39③.'],
  [GqlPosition, 'Position', '所长, 副所长 or staff.'],
  [GqlEducation, 'Education', 'Highest education.'],
  [GqlMajorCategory, 'MajorCategory', 'Category of a major, as 32② counts them.'],
  [GqlStaffingType, 'StaffingType', '编制类型; AUXILIARY (编外) is the only one that is not established staff (note 11).'],
  [GqlSpecialEquipmentCertClass, 'SpecialEquipmentCertClass', '特种设备安全监察员证 class.'],
  [GqlEquipmentType, 'EquipmentType', 'Equipment register line type.'],
  [GqlEquipmentStatus, 'EquipmentStatus', 'Only IN_SERVICE items count for scoring.'],
  [GqlCaseProcedure, 'CaseProcedure', 'General or simple procedure.'],
  [GqlFileReviewResult, 'FileReviewResult', '案卷评查 result.'],
  [GqlBonusCategory, 'BonusCategory', '加分项目 category (1)..(8).'],
  [GqlBonusLevel, 'BonusLevel', 'Level of the body that gave a bonus item.'],
  [GqlVetoKind, 'VetoKind', '否定项目 kind (1)..(5).'],
  [GqlVetoOrigin, 'VetoOrigin', 'Pushed by the county, or raised by an INCOMPETENT annual review.'],
  [GqlCriterionSource, 'CriterionSource', 'Where a criterion\'s points come from: pushed DATA, the county certification (ATTESTED), or a reviewer (ASSESSED).'],
  [GqlCriterionStatus, 'CriterionStatus', 'Outcome of one criterion.'],
  [GqlRegionLevel, 'RegionLevel', 'GB/T 2260 level.'],
  [GqlRecomputeTrigger, 'RecomputeTrigger', 'Why a recompute run was requested.'],
  [GqlRecomputeRunStatus, 'RecomputeRunStatus', 'Progress of a recompute run.'],
  [GqlStationOrder, 'StationOrder', 'Order of a station list; stations without a score sort last by total.'],
  [GqlIndicatorSetKind, 'IndicatorSetKind', 'Indicators a star level uses: the whole rubric, the ※ indicators, or a LIST of third-level indicator ids.'],
];

for (const [enumRef, name, description] of REGISTRY) registerEnumType(enumRef, { name, description });
