// The forms' Chinese wording of the service's vocabularies and numbers, as the document
// writes them (附件2 填表说明: 职务 "所长"/"副所长"/"无", 编制类型 行政编…无, 出生年月 "1980.01").
import type { IsoMonth } from '../domain/station-data.js';
import type { Education, Position, StaffingType, VetoKind } from '../domain/vocabulary.js';
import type { CriterionSource } from '../rubric/model/rubric.js';
import type { RoundStatus } from '../rounds/round-status.js';
import type { CriterionStatus } from '../scoring/engine/score-result.js';

/** 无相关情况的，请在对应栏目填写“无” (附件2 填表说明 7). */
export const NONE = '无';
/** What a cell holding personal data says to a reader who may not see it. */
export const HIDDEN = '（已隐去）';

export const POSITION_LABELS: Readonly<Record<Position, string>> = { DIRECTOR: '所长', DEPUTY_DIRECTOR: '副所长', STAFF: NONE };

export const STAFFING_LABELS: Readonly<Record<StaffingType, string>> = {
  ADMINISTRATIVE: '行政编',
  CIVIL_SERVANT_MANAGED: '参公编',
  PUBLIC_INSTITUTION: '事业编',
  WORKER: '工勤编',
  OTHER_ESTABLISHED: '其他编制',
  AUXILIARY: NONE,
};

export const EDUCATION_LABELS: Readonly<Record<Education, string>> = {
  DOCTORATE: '博士研究生',
  MASTER: '硕士研究生',
  BACHELOR: '大学本科',
  ASSOCIATE: '大学专科',
  SECONDARY_OR_BELOW: '中专及以下',
};

export const STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  MET: '满足',
  PARTLY_MET: '部分满足',
  NOT_MET: '不满足',
  MISSING_ITEM: '合理缺项',
  PENDING_ASSESSMENT: '待评审',
};

export const SOURCE_LABELS: Readonly<Record<CriterionSource, string>> = { DATA: '数据', ATTESTED: '附件3证明', ASSESSED: '评审' };

export const VETO_LABELS: Readonly<Record<VetoKind, string>> = {
  STAFF_DISCIPLINED: '工作人员受处分或刑事处罚',
  SUPERVISION_FAILURE: '监管不力造成不良影响',
  ANNUAL_REVIEW_FAILED: '年度考核不合格、不称职',
  RATING_FRAUD: '评定工作中弄虚作假',
  OTHER: '其他不宜参加等级评定的情形',
};

/** "1980-01" → "1980.01"; none → 无. */
export function birthMonthLabel(month: IsoMonth | null): string {
  return month === null ? NONE : month.replace('-', '.');
}

/** 3 → "★★★ 三星"; 0 → "未达到星级". */
export function starsLabel(stars: number): string {
  if (stars <= 0) return '未达到星级';
  return `${'★'.repeat(stars)} ${['', '一', '二', '三', '四', '五'][stars] ?? stars}星`;
}

/** Points as the document writes them: "2", "0.5", "2.5". */
export function pointsText(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** A number with 1 or 2 fixed decimals, for places that print text rather than a number cell. */
export function fixed(value: number, decimals: 1 | 2): string {
  return value.toFixed(decimals);
}

/** Application statuses of a rating round (../shared/docs/rounds-api.md), for the result table. */
export const APPLICATION_STATUS_LABELS: Readonly<Record<string, string>> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  RETURNED: '退回补正',
  IN_REVIEW: '评审中',
  REVIEWED: '已评审',
  AWARDED: '认定',
  NOT_AWARDED: '未认定',
  REVOKED: '已摘星',
};

/** 5 → "五星". */
export function levelLabel(stars: number): string {
  return `${['', '一', '二', '三', '四', '五'][stars] ?? stars}星`;
}

/** Round statuses (docs/rounds-api.md) as the forms print them. */
export const ROUND_STATUS_LABELS: Readonly<Record<RoundStatus, string>> = {
  OPEN: '申报中',
  REVIEW: '评审中',
  PUBLICIZING: '公示中',
  CONFIRMED: '已认定',
};
