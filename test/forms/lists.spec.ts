// The lists: a round's 公示名单 (ordered by region then total), its full result table and a
// region's ranking, streamed, read back; a reader that goes away stops the rows.
import { PassThrough, Writable } from 'node:stream';
import { renderPublicationListPdf } from '../../src/forms/render/pdf/publication-list.pdf.js';
import { PUBLICATION_SHEET, RANKING_SHEET, renderPublicationListXlsx, renderRankingXlsx, renderResultsXlsx, RESULTS_SHEET } from '../../src/forms/render/xlsx/lists.xlsx.js';
import type { FormStation } from '../../src/forms/views/common.js';
import type { PublicationEntry, RankingRow, ResultRow, RoundHeader } from '../../src/forms/views/lists.view.js';
import { GENERATED_AT } from './support/generated.js';
import { readPdf, readXlsx, text } from './support/readers.js';

const round: RoundHeader = { id: 'r1', name: '2026年度五星市场监督管理所评定', provinceName: '河北省', level: 5, cutOff: '2026-05-31' };

function station(i: number, city: string, county: string): FormStation {
  return { code: `${county}${String(i).padStart(3, '0')}`, name: `测试${i}所`, countyCode: county, countyName: `县${county}`, cityCode: city, cityName: `市${city}`, provinceName: '河北省' };
}

async function collect(render: (out: Writable) => Promise<number>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await render(out);
  await done;
  return Buffer.concat(chunks);
}

describe('公示名单', () => {
  const entries: PublicationEntry[] = [
    { station: station(1, '130200', '130203'), total: 91, stars: 5 },
    { station: station(2, '130100', '130105'), total: 93.5, stars: 5 },
    { station: station(3, '130100', '130102'), total: 90.25, stars: 5 },
    { station: station(4, '130100', '130102'), total: 96, stars: 5 },
    { station: station(5, '130200', '130203'), total: 99, stars: 5 },
  ];
  const view = { round, publicationFrom: '2026-06-10', publicationTo: '2026-06-16', entries, generatedAt: GENERATED_AT, timeZone: 'Asia/Shanghai' };
  const expectedOrder = ['130102004', '130102003', '130105002', '130203005', '130203001'];

  test('.xlsx: ordered by city, county, then total; totals as numbers (0.00)', async () => {
    const sheet = (await readXlsx(await collect((out) => renderPublicationListXlsx(view, out)))).getWorksheet(PUBLICATION_SHEET)!;
    expect(text(sheet.getCell(1, 1))).toBe('2026年度五星市场监督管理所评定拟认定五星市场监督管理所名单');
    expect(text(sheet.getCell(2, 1))).toContain('公示期：2026年6月10日至2026年6月16日');
    const names = expectedOrder.map((code) => entries.find((e) => e.station.code === code)!.station.name);
    expect(names.map((_, i) => text(sheet.getCell(4 + i, 4)))).toEqual(names);
    expect(sheet.getCell(4, 5).value).toBe(96);
    expect(sheet.getCell(4, 5).numFmt).toBe('0.00');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });

  test('PDF: the same order, Chinese text selectable', async () => {
    const pages = await readPdf(await renderPublicationListPdf(view));
    expect(pages).toHaveLength(1);
    const { text: all } = pages[0];
    expect(all).toContain('拟认定五星市场监督管理所名单');
    const positions = expectedOrder.map((code) => all.indexOf(entries.find((e) => e.station.code === code)!.station.name));
    expect(positions.every((pos) => pos >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).toContain('96.00');
  });
});

describe('result table and ranking (streamed)', () => {
  async function* results(n: number): AsyncGenerator<ResultRow> {
    for (let i = 0; i < n; i++) {
      yield { station: station(i, '130100', '130102'), status: i % 3 === 0 ? 'AWARDED' : 'NOT_AWARDED', raw: 80 + (i % 20), applicable: 100, rebased: 80 + (i % 20), bonus: i % 4, total: 80 + (i % 20) + (i % 4), stars: i % 3 === 0 ? 5 : 0, eligible: i % 7 !== 0, vetoCount: i % 7 === 0 ? 1 : 0, pendingCount: 0, resultDigest: 'ab'.repeat(32) };
    }
  }

  test('the result table has every row with its figures and status', async () => {
    const sheet = (await readXlsx(await collect((out) => renderResultsXlsx({ round, rows: results(250), generatedAt: GENERATED_AT, timeZone: 'Asia/Shanghai' }, out)))).getWorksheet(RESULTS_SHEET)!;
    expect(sheet.rowCount).toBe(3 + 250);
    const row = sheet.getRow(4 + 7);
    expect([row.getCell(1).value, text(row.getCell(2)), text(row.getCell(6)), row.getCell(11).value, text(row.getCell(12)), row.getCell(13).value]).toEqual([8, '130102007', '未认定', 90, '不能参加等级评定', 1]);
    expect(text(sheet.getRow(4 + 3).getCell(6))).toBe('认定');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
  });

  test('the ranking lists its rows in the order given, ranks and totals as numbers', async () => {
    const rows: RankingRow[] = [95.5, 95.5, 90].map((total, i) => ({ rank: i === 2 ? 3 : 1, station: station(i, '130100', '130102'), total, rebased: total - 1, bonus: 1, stars: 5, cutOff: '2026-06-30' }));
    const sheet = (await readXlsx(await collect((out) => renderRankingXlsx({ region: { code: '130000', name: '河北省' }, rows, generatedAt: GENERATED_AT, timeZone: 'Asia/Shanghai' }, out)))).getWorksheet(RANKING_SHEET)!;
    expect(text(sheet.getCell(1, 1))).toBe('河北省市场监督管理所排名');
    expect(sheet.headerFooter.oddFooter).toBe('&L河北省（130000）排名&R第 &P 页，共 &N 页');
    expect([4, 5, 6].map((r) => [sheet.getCell(r, 1).value, text(sheet.getCell(r, 2)), sheet.getCell(r, 6).value])).toEqual([
      [1, '130102000', 95.5],
      [1, '130102001', 95.5],
      [3, '130102002', 90],
    ]);
  });

  test('a reader that goes away ends the rows: the source is closed, nothing more is read', async () => {
    let read = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<ResultRow> {
      try {
        for await (const row of results(1_000_000)) {
          read += 1;
          yield row;
        }
      } finally {
        closed = true;
      }
    }
    const out = new PassThrough();
    out.on('data', () => {
      if (!out.destroyed) out.destroy();
    });
    await expect(renderResultsXlsx({ round, rows: endless(), generatedAt: GENERATED_AT, timeZone: 'Asia/Shanghai' }, out)).rejects.toThrow(/closed/);
    expect(closed).toBe(true);
    expect(read).toBeLessThan(1_000_000);
  });
});
