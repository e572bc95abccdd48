// The structure 附件1's merged cells must have: the rubric's indicators over the rows of
// their criteria (5 first-level, 21 second-level, 46 third-level ranges).
import type ExcelJS from 'exceljs';
import { getRubric, getRubricIndex, NATIONAL_DEFAULT_POLICY } from '../../../src/rubric/index.js';
import { mergedRanges, text, type Range } from './readers.js';

const index = getRubricIndex(getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion));

/** The sheet rows [from, to] of every indicator of a level, in rubric order, criteria starting on row `top`. */
export function rubricRanges(top: number, level: 1 | 2 | 3): { id: string; code: string; from: number; to: number }[] {
  const rowOf = (criterionId: string) => top + index.criterionOrdinal.get(criterionId)!;
  const indicators = level === 1 ? index.firstLevel : level === 2 ? index.secondLevel : index.thirdLevel;
  return indicators.map((indicator) => {
    const criteria = index.criteria.filter((c) => c.id.startsWith(`${indicator.id}.`));
    return { id: indicator.id, code: indicator.code, from: rowOf(criteria[0].id), to: rowOf(criteria[criteria.length - 1].id) };
  });
}

/** One column's cells over the criteria rows as row ranges: the merged ones, and filled rows that are merged with nothing. */
export function columnRanges(sheet: ExcelJS.Worksheet, top: number, col: number): [number, number][] {
  const rows = index.criteria.length;
  const merges = mergedRanges(sheet).filter(([first, left, , right]: Range) => left === col && right === col && first >= top && first < top + rows);
  const covered = new Set(merges.flatMap(([first, , last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i)));
  const singles = index.criteria.map((_, i) => top + i).filter((row) => !covered.has(row) && text(sheet.getCell(row, col)) !== '');
  return [...merges.map(([first, , last]) => [first, last] as [number, number]), ...singles.map((row) => [row, row] as [number, number])].sort((a, b) => a[0] - b[0]);
}

/** The numbers of 附件1's PDF 得分 column (410..442 pt from the left: 28 pt margin, columns 38 42 112 190 | 32), top to bottom, page by page. */
export function pdfPointsColumn(pages: { items: { str: string; x: number; y: number }[] }[]): number[] {
  return pages.flatMap((page) =>
    page.items
      .filter((item) => item.x > 410 && item.x < 442 && /^\d+\.\d$/.test(item.str))
      .sort((a, b) => a.y - b.y)
      .map((item) => Number(item.str)),
  );
}
