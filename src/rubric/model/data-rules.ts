// Ids of the rules that compute a DATA criterion from pushed data. The engine maps each id
// to a function with an exhaustive switch, so adding an id here without a rule is a compile
// error there.

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
