// What the 公示名单's spreadsheet and PDF share: its order (region, then total), title and
// the publication period line.
import { levelLabel } from '../labels.js';
import { chineseDate } from '../views/common.js';
import type { PublicationEntry, PublicationListView } from '../views/lists.view.js';

/** By city, then county (codes: the order of the administrative divisions), then total (high first), then station code. */
export function publicationOrder(entries: readonly PublicationEntry[]): PublicationEntry[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort(
    (a, b) => cmp(a.station.cityCode, b.station.cityCode) || cmp(a.station.countyCode, b.station.countyCode) || b.total - a.total || cmp(a.station.code, b.station.code),
  );
}

export function publicationTitle(view: PublicationListView): string {
  return `${view.round.name}拟认定${levelLabel(view.round.level)}市场监督管理所名单`;
}

export function publicationSubtitle(view: PublicationListView): string {
  const period = view.publicationFrom && view.publicationTo ? `公示期：${chineseDate(view.publicationFrom)}至${chineseDate(view.publicationTo)}` : '公示期：';
  return `${view.round.provinceName}\u3000${period}\u3000共${view.entries.length}个`;
}
