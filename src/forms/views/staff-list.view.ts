import type { IsoDate, IsoMonth } from '../../domain/station-data.js';
import type { Education, Position, StaffingType } from '../../domain/vocabulary.js';
import type { FormStation } from './common.js';

/** The personal fields of a person (名字, 出生年月, 证号); null on the view when the reader may not see them. */
export interface StaffPersonalData {
  readonly name: string;
  readonly birthMonth: IsoMonth | null;
  readonly enforcementCertNo: string | null;
  readonly specialEquipmentCertNo: string | null;
}

export interface StaffMember {
  /** Stable order key within the station (the county's externalId). */
  readonly externalId: string;
  /** null: the reader may not see personal data; the form says so in those cells. */
  readonly personal: StaffPersonalData | null;
  readonly position: Position;
  readonly education: Education;
  readonly major: string | null;
  readonly staffingType: StaffingType;
  /** Months seconded out in the last 2 years. */
  readonly secondedMonths: number;
  /** Training of the view's trainingYear; null when none was reported. */
  readonly training: { readonly offlineDays: number; readonly offlineHours: number; readonly onlineHours: number } | null;
}

/** 附件2 市场监管所人员一览表: everyone on the roster, auxiliaries included. */
export interface StaffListView {
  readonly station: FormStation;
  /** 填表日期. */
  readonly filledOn: IsoDate;
  /** The year of the training columns: the year before the rating year (the document's 2023 round prints 2022). */
  readonly trainingYear: number;
  readonly people: readonly StaffMember[];
}
