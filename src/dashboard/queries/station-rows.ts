// The one way a station is read: its profile, the names of its regions and the headline of
// its current score (station_score), so a page of stations with scores, stars and region
// names is a single statement. The rest of the score (the snapshot) is immutable and comes
// from the process-wide snapshot cache when a query asks for it.
import type { CachedSnapshot } from '../loaders/snapshot-cache.js';
import type { ScoreSnapshot } from '../types/score.types.js';
import type { Station } from '../types/station.types.js';
import type { Queryable } from '../../database/queryable.js';
import type { SnapshotHeader } from './snapshot-rows.js';

export const STATION_COLUMNS = `s.code, s.name, s.county_code, s.city_code, s.province_code, rc.name AS county_name, ry.name AS city_name, rp.name AS province_name,
  s.approved_headcount, to_json(s.duties) AS duties, s.premises_independent, to_json(s.rooms) AS rooms, s.internet, s.private_network, s.updated_at,
  ss.snapshot_id::text AS snapshot_id, ss.total::float8 AS total, ss.stars, ss.eligible, ss.pending_count, ss.evaluated_at`;

/** Joins of STATION_COLUMNS onto a station row `s`: its current score headline and the names of its regions. */
export const STATION_JOINS = `LEFT JOIN station_score ss ON ss.station_code = s.code
  LEFT JOIN region rc ON rc.code = s.county_code LEFT JOIN region ry ON ry.code = s.city_code LEFT JOIN region rp ON rp.code = s.province_code`;

export interface StationRow {
  code: string;
  name: string;
  county_code: string;
  city_code: string;
  province_code: string;
  county_name: string | null;
  city_name: string | null;
  province_name: string | null;
  approved_headcount: number;
  duties: string[];
  premises_independent: boolean;
  rooms: string[];
  internet: boolean;
  private_network: boolean;
  updated_at: Date;
  snapshot_id: string | null;
  total: number;
  stars: number;
  eligible: boolean;
  pending_count: number;
  evaluated_at: Date;
}

/** Where the rest of a current score comes from (the request's snapshot loader). */
export type SnapshotSource = (snapshotId: string) => Promise<CachedSnapshot | null>;

/** Header fields a current score reads from its snapshot only when a query asks for them. */
const LAZY_FIELDS = [
  'computedAt',
  'cutOff',
  'rubricVersion',
  'starPolicyId',
  'inputHash',
  'raw',
  'applicable',
  'rebased',
  'bonus',
  'missingCount',
  'rebaseNote',
  'starLevels',
  'blockingVetoes',
  'bonusItems',
  'missingItems',
] as const satisfies readonly (keyof SnapshotHeader)[];

/**
 * The current score of a station row: the headline columns as values, the other fields as
 * getters answering promises (GraphQL's default resolver awaits them), so a list that asks
 * for total and stars costs no snapshot read.
 */
class CurrentScore {
  readonly current = true;
  private header: Promise<SnapshotHeader> | null = null;

  constructor(
    readonly id: string,
    readonly stationCode: string,
    readonly evaluatedAt: Date,
    readonly total: number,
    readonly stars: number,
    readonly eligible: boolean,
    readonly pendingCount: number,
    private readonly source: SnapshotSource,
  ) {}

  snapshotHeader(): Promise<SnapshotHeader> {
    this.header ??= this.source(this.id).then((snapshot) => {
      if (!snapshot) throw new Error(`snapshot ${this.id} not found`);
      return snapshot.header;
    });
    return this.header;
  }
}

// The getters live on the prototype once, not on every object.
for (const field of LAZY_FIELDS) {
  Object.defineProperty(CurrentScore.prototype, field, {
    enumerable: true,
    get(this: CurrentScore) {
      return this.snapshotHeader().then((header) => header[field]);
    },
  });
}

function currentScore(row: StationRow, source: SnapshotSource): ScoreSnapshot {
  return new CurrentScore(row.snapshot_id!, row.code, row.evaluated_at, row.total, row.stars, row.eligible, row.pending_count, source) as unknown as ScoreSnapshot;
}

export function toStation(row: StationRow, source: SnapshotSource): Station {
  return {
    code: row.code,
    name: row.name,
    countyCode: row.county_code,
    cityCode: row.city_code,
    provinceCode: row.province_code,
    countyName: row.county_name ?? row.county_code,
    cityName: row.city_name ?? row.city_code,
    provinceName: row.province_name ?? row.province_code,
    approvedHeadcount: row.approved_headcount,
    duties: row.duties,
    premises: { independent: row.premises_independent, rooms: row.rooms, internet: row.internet, privateNetwork: row.private_network },
    updatedAt: row.updated_at,
    score: row.snapshot_id === null ? null : currentScore(row, source),
  };
}

export async function loadStationRows(db: Queryable, codes: readonly string[]): Promise<Map<string, StationRow>> {
  const rows = await db.query<StationRow[]>(`SELECT ${STATION_COLUMNS} FROM station s ${STATION_JOINS} WHERE s.code = ANY($1::varchar[])`, [codes]);
  return new Map(rows.map((row) => [row.code, row]));
}
