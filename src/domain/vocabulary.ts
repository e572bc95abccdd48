// The domain's closed vocabularies, exactly as the county push interface spells them
// (../shared/docs/county-api.md). Each is a readonly tuple so that DTO validation,
// GraphQL enums, database CHECKs and the scoring engine all read the same list.

export const DUTIES = [
  'SPECIAL_EQUIPMENT',
  'FOOD',
  'DRUG',
  'INDUSTRIAL_PRODUCT',
  'PRICE',
  'ADVERTISING',
  'MEDICAL_DEVICE',
  'COSMETICS',
  'MARKET_ENTRY',
  'CONSUMER_PROTECTION',
  'OTHER',
] as const;
export type Duty = (typeof DUTIES)[number];

/** Rooms of 39②/39③ (办公用房、业务用房和其他用房). */
export const ROOMS = [
  'OFFICE', // 办公室
  'SERVICE_HALL', // 综合服务大厅
  'EQUIPMENT_STORE', // 执法装备库
  'INTERVIEW_ROOM', // 问询室
  'MEDIATION_ROOM', // 调解室
  'RAPID_TEST_LAB', // 快检室
  'CONFISCATED_GOODS_STORE', // 罚没物品库
  'PARTY_ROOM', // 党建活动室
  'ARCHIVE_ROOM', // 档案室
  'MEETING_ROOM', // 会议室
  'DUTY_ROOM', // 值班室
  'REST_ROOM', // 临时休息室
  'CANTEEN', // 食堂
  'TOILET', // 卫生间
] as const;
export type Room = (typeof ROOMS)[number];

export const POSITIONS = ['DIRECTOR', 'DEPUTY_DIRECTOR', 'STAFF'] as const;
export type Position = (typeof POSITIONS)[number];

export const EDUCATIONS = ['DOCTORATE', 'MASTER', 'BACHELOR', 'ASSOCIATE', 'SECONDARY_OR_BELOW'] as const;
export type Education = (typeof EDUCATIONS)[number];

export const MAJOR_CATEGORIES = [
  'LAW',
  'FOOD',
  'DRUG',
  'MEDICINE',
  'INDUSTRIAL_PRODUCT',
  'SPECIAL_EQUIPMENT',
  'OTHER',
] as const;
export type MajorCategory = (typeof MAJOR_CATEGORIES)[number];

/** 编制类型; AUXILIARY (编外, 辅助人员) is the only one that is not established staff (note 11). */
export const STAFFING_TYPES = [
  'ADMINISTRATIVE', // 行政编
  'CIVIL_SERVANT_MANAGED', // 参公编
  'PUBLIC_INSTITUTION', // 事业编
  'WORKER', // 工勤编
  'OTHER_ESTABLISHED', // 其他编制
  'AUXILIARY', // 编外
] as const;
export type StaffingType = (typeof STAFFING_TYPES)[number];

/** 特种设备安全监察员证 classes. */
export const SPECIAL_EQUIPMENT_CERT_CLASSES = ['A', 'B'] as const;
export type SpecialEquipmentCertClass = (typeof SPECIAL_EQUIPMENT_CERT_CLASSES)[number];

export const EQUIPMENT_TYPES = [
  'DESKTOP_COMPUTER',
  'LAPTOP',
  'PRINTER',
  'COPIER',
  'SCANNER',
  'MULTIFUNCTION_PRINTER',
  'VIDEO_CONFERENCE',
  'CAR',
  'MOTORCYCLE',
  'E_BIKE',
  'HANDHELD_TERMINAL',
  'BODY_CAMERA',
  'PORTABLE_PRINTER',
  'RAPID_TEST_KIT',
  'PROTECTIVE_EQUIPMENT',
  'SURVEILLANCE_SYSTEM',
  'FIRE_CONTROL_SYSTEM',
  'HVAC',
  'OTHER',
] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];

export const EQUIPMENT_STATUSES = ['IN_SERVICE', 'BROKEN', 'RETIRED'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export const CASE_PROCEDURES = ['GENERAL', 'SIMPLE'] as const;
export type CaseProcedure = (typeof CASE_PROCEDURES)[number];

export const FILE_REVIEW_RESULTS = ['PASSED', 'FAILED', 'NOT_REVIEWED'] as const;
export type FileReviewResult = (typeof FILE_REVIEW_RESULTS)[number];

export const BONUS_CATEGORIES = [
  'AWARD', // (1) 表彰奖励, 5-year window
  'COMMENDATION', // (2) 通报表扬
  'INNOVATION_ADOPTED', // (3) 首创做法得到肯定或推广
  'TALENT_POOL', // (4) 入选人才库
  'TYPICAL_CASE', // (5) 典型案例发布
  'EXPERIENCE_SHARING', // (6) 经验交流、典型发言、专题授课
  'COMPETITION_TOP3', // (7) 业务竞赛前3名
  'OTHER', // (8) 其他
] as const;
export type BonusCategory = (typeof BONUS_CATEGORIES)[number];

export const BONUS_LEVELS = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'] as const;
export type BonusLevel = (typeof BONUS_LEVELS)[number];

export const VETO_KINDS = [
  'STAFF_DISCIPLINED', // (1) 工作人员受到处分或刑事处罚
  'SUPERVISION_FAILURE', // (2) 监管不力、不作为、乱作为造成不良影响
  'ANNUAL_REVIEW_FAILED', // (3) 年度考核不合格、不称职
  'RATING_FRAUD', // (4) 评定工作中弄虚作假
  'OTHER', // (5) 其他不宜参加等级评定的情形
] as const;
export type VetoKind = (typeof VETO_KINDS)[number];

export const ANNUAL_REVIEW_RESULTS = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const;
export type AnnualReviewResult = (typeof ANNUAL_REVIEW_RESULTS)[number];

/** Bonus and annual-review subject meaning "the station itself" rather than a person. */
export const COLLECTIVE_SUBJECT = 'COLLECTIVE';
export const STATION_SUBJECT = 'STATION';

export const ESTABLISHED_STAFFING_TYPES: readonly StaffingType[] = STAFFING_TYPES.filter((t) => t !== 'AUXILIARY');
