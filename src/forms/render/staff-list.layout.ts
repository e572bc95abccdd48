// 附件2's rows under the document's conventions (填表说明): 职务 所长/副所长/无, 出生年月
// "1980.01", 编制类型 行政编…其他编制 or 无 for 编外, "无" wherever nothing applies, and the
// training columns of the view's training year. Everyone on the roster is listed: the
// director first, then deputies, established staff before auxiliaries.
import type { Position } from '../../domain/vocabulary.js';
import { birthMonthLabel, EDUCATION_LABELS, HIDDEN, NONE, POSITION_LABELS, STAFFING_LABELS } from '../labels.js';
import type { StaffListView, StaffMember } from '../views/staff-list.view.js';

export const STAFF_LIST_TITLE = '市场监管所人员一览表';

/** The document's columns in order (the training columns name the view's year). */
export function staffListColumns(trainingYear: number): string[] {
  return [
    '序号',
    '姓名',
    '职务',
    '出生年月',
    '学历',
    '专业',
    '编制类型',
    '执法证号',
    '特种设备安全监察员证号',
    '近2年被借出工作时间（月）',
    `${trainingYear}年脱产培训时间（天或学时）`,
    `${trainingYear}年线上培训时间（学时）`,
  ];
}

/** 填表说明 as the document prints it under the table. */
export const STAFF_LIST_NOTES = [
  '1. 填写市场监管所全体干部信息，包括在编人员和辅助人员；',
  '2. 职务一栏填写“所长”“副所长”等。如无职务，填写“无”；',
  '3. 出生年月一栏的填写格式为“1980.01”；',
  '4. 学历指的是取得的最高学历；',
  '5. 专业指的是取得最高学历对应的专业；',
  '6. 编制类型一栏填写“行政编”“参公编”“事业编”“工勤编”“其他编制”。编外人员填写“无”；',
  '7. 无相关情况的，请在对应栏目填写“无”。',
];

export type StaffCell = string | number;

const POSITION_ORDER: Readonly<Record<Position, number>> = { DIRECTOR: 0, DEPUTY_DIRECTOR: 1, STAFF: 2 };

export function orderedStaff(people: readonly StaffMember[]): StaffMember[] {
  return [...people].sort(
    (a, b) =>
      POSITION_ORDER[a.position] - POSITION_ORDER[b.position] ||
      Number(a.staffingType === 'AUXILIARY') - Number(b.staffingType === 'AUXILIARY') ||
      (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0),
  );
}

/** One row per person, in the columns' order. */
export function staffListRows(view: StaffListView): StaffCell[][] {
  return orderedStaff(view.people).map((p, i) => [
    i + 1,
    p.personal === null ? HIDDEN : p.personal.name,
    POSITION_LABELS[p.position],
    p.personal === null ? HIDDEN : birthMonthLabel(p.personal.birthMonth),
    EDUCATION_LABELS[p.education],
    p.major === null || p.major.trim() === '' ? NONE : p.major,
    STAFFING_LABELS[p.staffingType],
    p.personal === null ? HIDDEN : (p.personal.enforcementCertNo ?? NONE),
    p.personal === null ? HIDDEN : (p.personal.specialEquipmentCertNo ?? NONE),
    p.secondedMonths > 0 ? p.secondedMonths : NONE,
    offlineTraining(p.training),
    p.training !== null && p.training.onlineHours > 0 ? p.training.onlineHours : NONE,
  ]);
}

function offlineTraining(training: StaffMember['training']): string {
  if (training === null) return NONE;
  const parts: string[] = [];
  if (training.offlineDays > 0) parts.push(`${training.offlineDays}天`);
  if (training.offlineHours > 0) parts.push(`${training.offlineHours}学时`);
  return parts.length > 0 ? parts.join('、') : NONE;
}
