// 附件2 人员一览表 and 附件3 证明材料 rendered from generated stations and read back: the
// document's columns and conventions, personal data only when visible, √ as certified.
import { renderCertificationPdf } from '../../src/forms/render/pdf/certification.pdf.js';
import { renderCertificationXlsx, CERTIFICATION_HEADER_ROW, CERTIFICATION_SHEET } from '../../src/forms/render/xlsx/certification.xlsx.js';
import { renderStaffListXlsx, STAFF_LIST_HEADER_ROW, STAFF_LIST_SHEET } from '../../src/forms/render/xlsx/staff-list.xlsx.js';
import { orderedStaff } from '../../src/forms/render/staff-list.layout.js';
import { AS_OF, certification, GENERATED_AT, province, staffList } from './support/generated.js';
import { readPdf, readXlsx, text } from './support/readers.js';

const p = province();
const bundles = [...p.stations()];
/** A station with auxiliaries, a director and a special equipment certificate holder. */
const bundle = bundles.find(
  (b) => b.personnel.some((x) => x.staffingType === 'AUXILIARY') && b.personnel.some((x) => x.specialEquipmentCert) && b.personnel.some((x) => x.position === 'DIRECTOR'),
)!;
const COLUMNS = ['序号', '姓名', '职务', '出生年月', '学历', '专业', '编制类型', '执法证号', '特种设备安全监察员证号', '近2年被借出工作时间（月）', '2025年脱产培训时间（天或学时）', '2025年线上培训时间（学时）'];

async function staffSheet(visible: boolean) {
  const view = staffList(p, bundle, visible);
  return { view, sheet: (await readXlsx(await renderStaffListXlsx(view, GENERATED_AT))).getWorksheet(STAFF_LIST_SHEET)! };
}

describe('附件2 人员一览表', () => {
  test("the document's columns in order, the training columns of the year before the form's", async () => {
    const { sheet } = await staffSheet(true);
    expect(COLUMNS.map((_, i) => text(sheet.getCell(STAFF_LIST_HEADER_ROW, i + 1)))).toEqual(COLUMNS);
    expect(text(sheet.getCell(2, 1))).toBe('市场监管所人员一览表');
    expect(text(sheet.getCell(3, 1))).toMatch(/^单位：.+市场监督管理局（盖章）\s+填表日期：2026年6月30日$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: STAFF_LIST_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.headerFooter.oddFooter).toBe(`&L${bundle.code} ${bundle.profile.name}&R第 &P 页，共 &N 页`);
  });

  test('everyone, auxiliaries included, under the conventions: 1980.01, 所长/副所长/无, 行政编…/无, 无 for nothing', async () => {
    const { view, sheet } = await staffSheet(true);
    const people = orderedStaff(view.people);
    expect(people).toHaveLength(bundle.personnel.length);
    const source = new Map(bundle.personnel.map((x) => [x.externalId, x]));
    people.forEach((member, i) => {
      const row = sheet.getRow(STAFF_LIST_HEADER_ROW + 1 + i);
      const person = source.get(member.externalId)!;
      const cells = COLUMNS.map((_, c) => row.getCell(c + 1).value);
      expect(cells[0]).toBe(i + 1);
      expect(cells[1]).toBe(person.name);
      expect(cells[2]).toBe({ DIRECTOR: '所长', DEPUTY_DIRECTOR: '副所长', STAFF: '无' }[person.position]);
      expect(cells[3]).toBe(person.birthMonth === null ? '无' : `${person.birthMonth.slice(0, 4)}.${person.birthMonth.slice(5, 7)}`);
      expect(cells[3]).toMatch(/^(\d{4}\.(0[1-9]|1[0-2])|无)$/);
      expect(cells[5]).toBe(person.major ?? '无');
      expect(cells[6]).toBe(
        { ADMINISTRATIVE: '行政编', CIVIL_SERVANT_MANAGED: '参公编', PUBLIC_INSTITUTION: '事业编', WORKER: '工勤编', OTHER_ESTABLISHED: '其他编制', AUXILIARY: '无' }[person.staffingType],
      );
      expect(cells[7]).toBe(person.enforcementCertNo ?? '无');
      expect(cells[8]).toBe(person.specialEquipmentCert?.number ?? '无');
      expect(cells[9]).toBe(person.secondedMonths > 0 ? person.secondedMonths : '无');
      const training = person.trainings.find((t) => t.year === 2025);
      const offline = [training && training.offlineDays > 0 ? `${training.offlineDays}天` : null, training && training.offlineHours > 0 ? `${training.offlineHours}学时` : null].filter(Boolean).join('、');
      expect(cells[10]).toBe(offline === '' ? '无' : offline);
      expect(cells[11]).toBe(training && training.onlineHours > 0 ? training.onlineHours : '无');
    });
    expect(text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1, 3))).toBe('所长');
    expect(people.at(-1)?.staffingType === 'AUXILIARY' || people.every((x) => x.staffingType !== 'AUXILIARY')).toBe(true);
  });

  test('without the right to personal data the names, birth months and certificate numbers say so; the rest stays', async () => {
    const { view, sheet } = await staffSheet(false);
    const rows = orderedStaff(view.people).map((_, i) => sheet.getRow(STAFF_LIST_HEADER_ROW + 1 + i));
    for (const row of rows) {
      for (const col of [2, 4, 8, 9]) expect(text(row.getCell(col))).toBe('（已隐去）');
      expect(text(row.getCell(5))).not.toBe('（已隐去）');
    }
    const names = bundle.personnel.map((x) => x.name);
    const all = rows.flatMap((row) => COLUMNS.map((_, c) => text(row.getCell(c + 1))));
    for (const name of names) expect(all).not.toContain(name);
  });
});

describe('附件3 证明材料', () => {
  const view = certification(p, bundle, '第10项：本年度无借调人员。');

  test('the 12 items with √ under 是 or 否 as certified, 有关情况, issuer and date', async () => {
    const sheet = (await readXlsx(await renderCertificationXlsx(view, GENERATED_AT))).getWorksheet(CERTIFICATION_SHEET)!;
    expect(['序号', '事项', '是', '否'].map((_, i) => text(sheet.getCell(CERTIFICATION_HEADER_ROW, i + 1)))).toEqual(['序号', '事项', '是', '否']);
    view.items.forEach((line, i) => {
      const row = sheet.getRow(CERTIFICATION_HEADER_ROW + 1 + i);
      expect(row.getCell(1).value).toBe(line.item);
      expect(text(row.getCell(2))).toBe(line.text);
      expect([text(row.getCell(3)), text(row.getCell(4))]).toEqual(line.answer === true ? ['√', ''] : line.answer === false ? ['', '√'] : ['', '']);
    });
    // Item 1 names the year before the rating year, as the document's 2022年度 for 2023.
    expect(view.items[0].text).toContain(`${view.year - 1}年度重点领域监管`);
    expect(text(sheet.getCell(CERTIFICATION_HEADER_ROW + 13, 1))).toBe('有关情况：第10项：本年度无借调人员。');
    const rest = Array.from({ length: 10 }, (_, i) => text(sheet.getCell(CERTIFICATION_HEADER_ROW + 14 + i, 2))).join('|');
    expect(rest).toContain('（盖章）');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  test('PDF: the items, the marks and the seal line as text', async () => {
    const [page, ...more] = await readPdf(await renderCertificationPdf(view, GENERATED_AT));
    expect(more).toHaveLength(0);
    expect(page.text).toContain('市场监管所证明材料');
    for (const line of view.items) expect(page.text).toContain(line.text);
    expect(page.items.filter((item) => item.str === '√')).toHaveLength(view.items.filter((line) => line.answer !== null).length);
    // √ under 是 (x ≈ 487..527) or 否 (x ≈ 527..567), in item order.
    const marks = page.items.filter((item) => item.str === '√').sort((a, b) => a.y - b.y);
    expect(marks.map((m) => m.x < 527)).toEqual(view.items.filter((line) => line.answer !== null).map((line) => line.answer === true));
    expect(page.text).toContain('出具单位：');
    expect(page.text).toContain(AS_OF.slice(0, 4));
  });
});
