// A station row (CurrentScoresRepository: profile, region names, current score headline) as
// the GraphQL Station. The rest of the score (the snapshot) is immutable and comes from the
// process-wide snapshot cache when a query asks for it.
import type { StationRow } from '../../scoring/current-scores.repository.js';
import type { CachedSnapshot } from './snapshot-cache.js';
import type { ScoreSnapshot } from '../types/score.types.js';
import type { Station } from '../types/station.types.js';
import type { SnapshotHeader } from './snapshot-rows.js';

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
