// Ids of the rules that compute a DATA criterion from pushed data, and the numeric
// parameters each one reads. The values live in the rubric data beside their criterion
// (national-2023.ts), so a new rubric version can change a threshold without a code
// change; the engine's rule table is typed by this map, so a rule id added here without a
// rule (or a rule reading a parameter that is not declared) does not compile.

export const DATA_RULE_IDS = [
  'CASE_ENTRY_AND_ARCHIVING', // 7④
  'CASE_PUBLICITY', // 8①
  'CASE_FULL_PROCESS_RECORD', // 8②
  'CASE_LEGAL_REVIEW', // 8③
  'CASE_FILE_REVIEW', // 9①
  'NO_OVERTURNED_CASES', // 9②
  'COMPLAINT_HANDLING', // 10①
  'REPORT_HANDLING', // 10②
  'NO_DISCIPLINARY_RECORDS', // 18②
  'STATION_RATED_EXCELLENT', // 29③
  'DIRECTOR_QUALIFIED', // 30②
  'STAFF_COMPLEMENT', // 31①
  'SECONDMENT_LIMITS', // 31③
  'BACHELOR_SHARE', // 32①
  'RELEVANT_MAJOR_SHARE', // 32②
  'SPECIAL_EQUIPMENT_INSPECTORS', // 32③
  'ENFORCEMENT_CERT_COVERAGE', // 33
  'ANNUAL_TRAINING', // 36①
  'DIRECTOR_PROVINCIAL_TRAINING', // 36②
  'HEALTH_CHECKS', // 37①
  'INDEPENDENT_PREMISES', // 39①
  'FUNCTIONAL_ROOMS', // 39②
  'LIVING_FACILITIES', // 39③
  'COMPUTERS_PER_STAFF', // 41①
  'PRINT_COPY_SCAN', // 41②
  'VIDEO_CONFERENCE', // 41③
  'ENFORCEMENT_VEHICLE', // 42①
  'TERMINALS_AND_CAMERAS', // 42②
  'PORTABLE_FIELD_KIT', // 42③
  'SURVEILLANCE_SYSTEM', // 43①
  'FIRE_CONTROL_SYSTEM', // 43②
  'HEATING_COOLING', // 43③
  'NETWORKS', // 45②
  'INFORMATION_ADMINISTRATOR', // 46①
] as const;
export type DataRuleId = (typeof DATA_RULE_IDS)[number];

/** A rule that reads no number of its own (its windows are the rubric's, note 10). */
type None = Record<never, number>;

/** The numeric parameters of every data rule, by rule id. */
export interface DataRuleParameters {
  CASE_ENTRY_AND_ARCHIVING: None; // the entry deadline in days is the province's (star policy)
  CASE_PUBLICITY: None;
  CASE_FULL_PROCESS_RECORD: None;
  CASE_LEGAL_REVIEW: None;
  CASE_FILE_REVIEW: { minPassPct: number };
  NO_OVERTURNED_CASES: None;
  COMPLAINT_HANDLING: { minCheckedOnTimePct: number; minClosedOnTimePct: number };
  REPORT_HANDLING: { minVerifiedOnTimePct: number; minNotifiedPct: number };
  NO_DISCIPLINARY_RECORDS: None;
  STATION_RATED_EXCELLENT: { years: number };
  DIRECTOR_QUALIFIED: None;
  STAFF_COMPLEMENT: None;
  SECONDMENT_LIMITS: { maxSharePct: number; maxTotalMonths: number };
  BACHELOR_SHARE: { minSharePct: number };
  RELEVANT_MAJOR_SHARE: { minSharePct: number };
  SPECIAL_EQUIPMENT_INSPECTORS: { minInspectors: number };
  ENFORCEMENT_CERT_COVERAGE: { newHireExemptYears: number };
  ANNUAL_TRAINING: { minOfflineDays: number; minTotalHours: number };
  DIRECTOR_PROVINCIAL_TRAINING: { minPerYear: number; years: number };
  HEALTH_CHECKS: None;
  INDEPENDENT_PREMISES: None;
  FUNCTIONAL_ROOMS: None;
  LIVING_FACILITIES: None;
  COMPUTERS_PER_STAFF: { computersPerStaff: number };
  PRINT_COPY_SCAN: None;
  VIDEO_CONFERENCE: None;
  ENFORCEMENT_VEHICLE: None;
  TERMINALS_AND_CAMERAS: { officersPerGroup: number };
  PORTABLE_FIELD_KIT: None;
  SURVEILLANCE_SYSTEM: None;
  FIRE_CONTROL_SYSTEM: None;
  HEATING_COOLING: None;
  NETWORKS: None;
  INFORMATION_ADMINISTRATOR: None;
}

export interface ParameterInfo {
  readonly unit: string;
  readonly description: string;
}

/** What each parameter means, for the rubric's readers (GraphQL `rubric`). */
export const DATA_RULE_PARAMETER_INFO: { readonly [K in DataRuleId]: { readonly [P in keyof DataRuleParameters[K]]: ParameterInfo } } = {
  CASE_ENTRY_AND_ARCHIVING: {},
  CASE_PUBLICITY: {},
  CASE_FULL_PROCESS_RECORD: {},
  CASE_LEGAL_REVIEW: {},
  CASE_FILE_REVIEW: { minPassPct: { unit: '%', description: '最近一次案卷评查合格率下限' } },
  NO_OVERTURNED_CASES: {},
  COMPLAINT_HANDLING: {
    minCheckedOnTimePct: { unit: '%', description: '投诉按时初查率下限' },
    minClosedOnTimePct: { unit: '%', description: '投诉按时办结率下限' },
  },
  REPORT_HANDLING: {
    minVerifiedOnTimePct: { unit: '%', description: '举报按时核查率下限' },
    minNotifiedPct: { unit: '%', description: '实名举报告知率下限' },
  },
  NO_DISCIPLINARY_RECORDS: {},
  STATION_RATED_EXCELLENT: { years: { unit: '年', description: '考查的完整年度数（Y−1 起）' } },
  DIRECTOR_QUALIFIED: {},
  STAFF_COMPLEMENT: {},
  SECONDMENT_LIMITS: {
    maxSharePct: { unit: '%', description: '借出人数占编制数比例上限' },
    maxTotalMonths: { unit: '月', description: '借出人员累计借调时间上限（一个评定周期）' },
  },
  BACHELOR_SHARE: { minSharePct: { unit: '%', description: '在编人员本科及以上学历比例下限' } },
  RELEVANT_MAJOR_SHARE: { minSharePct: { unit: '%', description: '在编人员相关专业背景比例下限' } },
  SPECIAL_EQUIPMENT_INSPECTORS: { minInspectors: { unit: '人', description: '持有效B类安全监察员证人数下限' } },
  ENFORCEMENT_CERT_COVERAGE: { newHireExemptYears: { unit: '年', description: '新录用公务员免于持证的年限' } },
  ANNUAL_TRAINING: {
    minOfflineDays: { unit: '天', description: '年度脱产培训天数下限' },
    minTotalHours: { unit: '学时', description: '年度脱产加线上培训学时下限' },
  },
  DIRECTOR_PROVINCIAL_TRAINING: {
    minPerYear: { unit: '次', description: '所长每年省级以上示范培训或跨地区交流次数下限' },
    years: { unit: '年', description: '考查的完整年度数（Y−1 起）' },
  },
  HEALTH_CHECKS: {},
  INDEPENDENT_PREMISES: {},
  FUNCTIONAL_ROOMS: {},
  LIVING_FACILITIES: {},
  COMPUTERS_PER_STAFF: { computersPerStaff: { unit: '台/人', description: '在用计算机与在编人员之比下限' } },
  PRINT_COPY_SCAN: {},
  VIDEO_CONFERENCE: {},
  ENFORCEMENT_VEHICLE: {},
  TERMINALS_AND_CAMERAS: { officersPerGroup: { unit: '人', description: '每组执法人员数（每组各1台手持执法终端和执法记录仪）' } },
  PORTABLE_FIELD_KIT: {},
  SURVEILLANCE_SYSTEM: {},
  FIRE_CONTROL_SYSTEM: {},
  HEATING_COOLING: {},
  NETWORKS: {},
  INFORMATION_ADMINISTRATOR: {},
};
