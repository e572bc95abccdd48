import type { IsoDate } from '../../domain/station-data.js';
import type { FormStation } from './common.js';

/** A station's place in a live ranking (eligible stations by total, then code). */
export interface RankingRow {
  /** Competition rank: equal totals share it. */
  readonly rank: number;
  readonly station: FormStation;
  readonly total: number;
  readonly rebased: number;
  readonly bonus: number;
  readonly stars: number;
  readonly cutOff: IsoDate;
}

/** A region's live ranking; rows stream (a province may have 40,000 stations). */
export interface RankingView {
  readonly region: { readonly code: string; readonly name: string };
  readonly generatedAt: Date;
  readonly timeZone: string;
  readonly rows: AsyncIterable<RankingRow> | Iterable<RankingRow>;
}

export interface RoundHeader {
  readonly id: string;
  readonly name: string;
  readonly provinceName: string;
  /** Star level the round rates for. */
  readonly level: number;
  readonly cutOff: IsoDate;
}

/** A station proposed for the round's level (公示名单). */
export interface PublicationEntry {
  readonly station: FormStation;
  readonly total: number;
  readonly stars: number;
}

/** 公示名单: ordered by region (city, county) then total, whatever order the entries come in. */
export interface PublicationListView {
  readonly round: RoundHeader;
  /** 公示期. */
  readonly publicationFrom: IsoDate | null;
  readonly publicationTo: IsoDate | null;
  readonly entries: readonly PublicationEntry[];
  readonly generatedAt: Date;
  readonly timeZone: string;
}

/** One station's result in a round's full result table. */
export interface ResultRow {
  readonly station: FormStation;
  /** The application's status as the round names it (e.g. AWARDED). */
  readonly status: string;
  readonly raw: number;
  readonly applicable: number;
  readonly rebased: number;
  readonly bonus: number;
  readonly total: number;
  readonly stars: number;
  readonly eligible: boolean;
  readonly vetoCount: number;
  readonly pendingCount: number;
  readonly resultDigest: string;
}

/** A round's full result table; rows stream (a province-wide round may have 40,000 stations). */
export interface ResultsTableView {
  readonly round: RoundHeader;
  readonly rows: AsyncIterable<ResultRow> | Iterable<ResultRow>;
  readonly generatedAt: Date;
  readonly timeZone: string;
}
