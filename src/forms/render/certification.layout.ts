// 附件3's texts, shared by the spreadsheet and the PDF: the 12 items marked √ under 是 or
// 否 as certified, the 有关情况 text, the 备注 and the issuer block left free for the seal.
import { chineseDate, countyBureau } from '../views/common.js';
import type { CertificationView } from '../views/certification.view.js';

export const CERTIFICATION_TITLE = '市场监管所证明材料';
export const CERTIFICATION_COLUMNS = ['序号', '事项', '是', '否'] as const;
export const CHECK = '√';
export const CERTIFICATION_NOTE =
  '备注：根据实际情况在对应项目的“是”或“否”中划“√”；如有空白项目，该项结果视同为“否”；如有需要解释的情况，请在“有关情况”一栏中予以说明。';

export interface CertificationLayout {
  readonly title: string;
  readonly header: readonly string[];
  /** 序号, 事项, 是, 否. */
  readonly rows: readonly (readonly [number, string, string, string])[];
  readonly remarks: string;
  readonly issuer: readonly string[];
}

export function certificationLayout(view: CertificationView): CertificationLayout {
  const bureau = countyBureau(view.station);
  return {
    title: CERTIFICATION_TITLE,
    header: [
      `单位：${bureau}（盖章）\u3000\u3000\u3000\u3000填表日期：${view.certifiedOn === null ? '' : chineseDate(view.certifiedOn)}`,
      `市场监管所：${view.station.name}（${view.station.code}）\u3000\u3000\u3000\u3000证明年度：${view.year}年度`,
    ],
    rows: view.items.map((line) => [line.item, line.text, line.answer === true ? CHECK : '', line.answer === false ? CHECK : ''] as const),
    remarks: `有关情况：${view.remarks ?? ''}`,
    issuer: [`出具单位：${view.certifiedBy ?? bureau}（盖章）`, `日期：${view.certifiedOn === null ? '\u3000\u3000年\u3000\u3000月\u3000\u3000日' : chineseDate(view.certifiedOn)}`],
  };
}
