// The lists as .xlsx: a region's live ranking and a round's full result table (both
// streamed: a province may have 40,000 stations), and a round's 公示名单.
import type { Writable } from 'node:stream';
import { APPLICATION_STATUS_LABELS, levelLabel, starsLabel } from '../../labels.js';
import { civilTime } from '../../views/common.js';
import type { PublicationEntry, PublicationListView, RankingRow, RankingView, ResultRow, ResultsTableView } from '../../views/lists.view.js';
import { publicationOrder, publicationSubtitle, publicationTitle } from '../lists.layout.js';
import { POINTS_FORMAT, TOTAL_FORMAT } from './xlsx-support.js';
import { streamTable, type StreamColumn } from './stream-table.js';

const station = <T extends { station: { code: string; name: string; cityName: string; countyName: string } }>(): StreamColumn<T>[] => [
  { title: '所代码', width: 14, value: (r) => r.station.code },
  { title: '市场监管所', width: 30, value: (r) => r.station.name },
  { title: '地市', width: 12, value: (r) => r.station.cityName },
  { title: '县（市、区）', width: 12, value: (r) => r.station.countyName },
];

export const RANKING_SHEET = '排名';

export function renderRankingXlsx(view: RankingView, out: Writable): Promise<number> {
  const columns: StreamColumn<RankingRow>[] = [
    { title: '名次', width: 7, align: 'center', value: (r) => r.rank },
    ...station<RankingRow>(),
    { title: '总分', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.total },
    { title: '折算得分', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.rebased },
    { title: '加分', width: 7, align: 'center', numFmt: POINTS_FORMAT, value: (r) => r.bonus },
    { title: '星级', width: 14, align: 'center', value: (r) => starsLabel(r.stars) },
    { title: '评估截止日', width: 12, align: 'center', value: (r) => r.cutOff },
  ];
  return streamTable(out, {
    sheetName: RANKING_SHEET,
    title: `${view.region.name}市场监督管理所排名`,
    subtitle: [`实时评估，具备评定资格的市场监管所按总分排序（总分相同名次相同）；生成于 ${civilTime(view.generatedAt, view.timeZone)}`],
    columns,
    rows: view.rows,
    orientation: 'landscape',
    footer: `${view.region.name}（${view.region.code}）排名`,
    created: view.generatedAt,
  });
}

export const RESULTS_SHEET = '评定结果';

export function renderResultsXlsx(view: ResultsTableView, out: Writable): Promise<number> {
  const columns: StreamColumn<ResultRow>[] = [
    { title: '序号', width: 7, align: 'center', value: (_r, i) => i + 1 },
    ...station<ResultRow>(),
    { title: '申报状态', width: 10, align: 'center', value: (r) => APPLICATION_STATUS_LABELS[r.status] ?? r.status },
    { title: '得分合计', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.raw },
    { title: '适用满分', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.applicable },
    { title: '折算得分', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.rebased },
    { title: '加分', width: 7, align: 'center', numFmt: POINTS_FORMAT, value: (r) => r.bonus },
    { title: '总分', width: 9, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.total },
    { title: '星级', width: 14, align: 'center', value: (r) => (r.eligible ? starsLabel(r.stars) : '不能参加等级评定') },
    { title: '否定项', width: 8, align: 'center', value: (r) => r.vetoCount },
    { title: '待评审', width: 8, align: 'center', value: (r) => r.pendingCount },
    { title: '结果摘要', width: 66, value: (r) => r.resultDigest },
  ];
  return streamTable(out, {
    sheetName: RESULTS_SHEET,
    title: `${view.round.name}评定结果`,
    subtitle: [`${view.round.provinceName}\u3000评定等级：${levelLabel(view.round.level)}\u3000截止日期：${view.round.cutOff}\u3000生成于 ${civilTime(view.generatedAt, view.timeZone)}`],
    columns,
    rows: view.rows,
    orientation: 'landscape',
    footer: `${view.round.name}评定结果`,
    created: view.generatedAt,
  });
}

export const PUBLICATION_SHEET = '公示名单';

export function renderPublicationListXlsx(view: PublicationListView, out: Writable): Promise<number> {
  const columns: StreamColumn<PublicationEntry>[] = [
    { title: '序号', width: 7, align: 'center', value: (_r, i) => i + 1 },
    { title: '地市', width: 14, value: (r) => r.station.cityName },
    { title: '县（市、区）', width: 14, value: (r) => r.station.countyName },
    { title: '市场监管所', width: 34, value: (r) => r.station.name },
    { title: '总分', width: 10, align: 'center', numFmt: TOTAL_FORMAT, value: (r) => r.total },
    { title: '星级', width: 14, align: 'center', value: (r) => starsLabel(r.stars) },
  ];
  return streamTable(out, {
    sheetName: PUBLICATION_SHEET,
    title: publicationTitle(view),
    subtitle: [publicationSubtitle(view)],
    columns,
    rows: publicationOrder(view.entries),
    orientation: 'portrait',
    footer: publicationTitle(view),
    created: view.generatedAt,
  });
}
