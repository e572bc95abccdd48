import type { IsoDate } from '../../domain/station-data.js';
import type { CertificationItemNo } from '../../rubric/model/rubric.js';
import type { FormStation } from './common.js';

export interface CertificationLine {
  readonly item: CertificationItemNo;
  readonly text: string;
  /** true 是, false 否, null blank (counts as 否; the service stores blanks as 否). */
  readonly answer: boolean | null;
}

/** 附件3 市场监管所证明材料: the county's 12 yes/no items, for printing and sealing. */
export interface CertificationView {
  readonly station: FormStation;
  /** The rating year the certification is for. */
  readonly year: number;
  readonly items: readonly CertificationLine[];
  /** 有关情况 (a round's application carries it; live certifications have none). */
  readonly remarks: string | null;
  readonly certifiedBy: string | null;
  readonly certifiedOn: IsoDate | null;
}
