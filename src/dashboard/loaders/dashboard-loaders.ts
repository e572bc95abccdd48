// The request's DataLoaders: every relation a list can reach is batched here, so a page of
// stations costs a bounded number of statements whatever its size.
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { NATIONAL_DEFAULT_POLICY } from '../../rubric/index.js';
import { encodeCursor } from '../cursor.js';
import { EquipmentRepository } from '../../equipment/equipment.repository.js';
import { PersonnelRepository } from '../../personnel/personnel.repository.js';
import { CasesRepository, type CasePageRequest } from '../../cases/cases.repository.js';
import { ComplaintsRepository } from '../../complaints/complaints.repository.js';
import { VetoEventsRepository } from '../../station-events/veto-events.repository.js';
import { AssessmentsRepository } from '../../assessments/assessments.repository.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { CurrentScoresRepository } from '../../scoring/current-scores.repository.js';
import { loadRegionSummaries } from './region-summaries.js';
import { loadChangeEnds, loadHistoryPages, type ChangeRequest, type HistoryRequest } from './score-history.js';
import { toStation, type SnapshotSource } from './station-view.js';
import type { Edge } from '../types/common.types.js';
import type { EnforcementCase } from '../types/ledger.types.js';
import type { ScoreSnapshot } from '../types/score.types.js';
import type { Station } from '../types/station.types.js';
import type { Region } from '../types/region.types.js';
import type { GenerationCache } from '../../database/change-feed.js';
import type { StationScopedCache } from './station-scoped-cache.js';
import { summariseRoster, type RosterCounts } from '../../personnel/roster.js';
import type { StoredVeto } from '../../station-events/veto-events.repository.js';
import type { MemoryCaches } from './memory-caches.js';
import type { SnapshotCache } from './snapshot-cache.js';

/** Batch function over a map-returning query: answers in key order, `fallback` for absent keys. */
function byKey<K, V>(load: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: (key: K) => V): DataLoader.BatchLoadFn<K, V> {
  return async (keys) => {
    const found = await load(keys);
    return keys.map((k) => (found.has(k) ? found.get(k)! : fallback(k)));
  };
}

export interface Page<T> {
  edges: Edge<T>[];
  hasNextPage: boolean;
}

export class DashboardLoaders {
  constructor(
    readonly db: DataSource,
    /** The request's today (DashboardContext.today): windows of stations not scored yet, training year. */
    readonly today: string,
    private readonly snapshotCache: SnapshotCache,
    private readonly caches: MemoryCaches,
  ) {}

  /** Snapshots (header and rows) by id, from the process-wide cache: snapshots never change. */
  readonly snapshot = new DataLoader(async (ids: readonly string[]) => this.snapshotCache.load(this.db, ids));

  readonly snapshotSource: SnapshotSource = (id) => this.snapshot.load(id);

  /** Stations by code (rows kept in memory until a change to the station). */
  readonly station = new DataLoader<string, Station | null>(async (codes) => {
    const rows = await this.perStation(this.caches.stations, codes, null, async (missing) => new CurrentScoresRepository(this.db).rows(missing));
    return rows.map((row) => (row === null ? null : toStation(row, this.snapshotSource)));
  });

  /** Regions by code, kept in memory for a generation of the change feed. */
  readonly region = new DataLoader<string, Region | null>((codes) => this.cached(this.caches.regions, codes, (missing) => new RegionsRepository(this.db).byCodes(missing)));

  readonly regionChildren = new DataLoader(byKey((codes: readonly string[]) => new RegionsRepository(this.db).childrenOf(codes), () => []));

  readonly stationCount = new DataLoader(byKey((codes: readonly string[]) => new RegionsRepository(this.db).stationCounts(codes), () => 0));

  readonly regionSummary = new DataLoader(
    byKey((codes: readonly string[]) => loadRegionSummaries(this.db, this.caches.summaries, codes, NATIONAL_DEFAULT_POLICY.rubricVersion, this.caches.generation()), () => {
      throw new Error('region summary missing');
    }),
  );

  readonly people = new DataLoader(byKey((codes: readonly string[]) => new PersonnelRepository(this.db).roster(codes), () => []));

  /** Roster counts for today (kept in memory until a change to the station; a new day counts anew). */
  readonly rosterCounts = new DataLoader<string, RosterCounts>(async (codes) =>
    (
      await this.perStation(this.caches.rosters, codes, this.today, async (missing) => {
        const rosters = await new PersonnelRepository(this.db).roster(missing);
        return new Map([...rosters].map(([code, people]) => [code, summariseRoster(people, this.today)]));
      })
    ).map((counts) => counts ?? summariseRoster([], this.today)),
  );

  readonly equipment = new DataLoader(byKey((codes: readonly string[]) => new EquipmentRepository(this.db).totals(codes), () => ({ inService: [], broken: 0, retired: 0, lines: 0 })));

  readonly caseSummary = new DataLoader(
    byKey((codes: readonly string[]) => new CasesRepository(this.db).summaries(codes, this.today), () => {
      throw new Error('case summary missing');
    }),
  );

  readonly complaints = new DataLoader(byKey((codes: readonly string[]) => new ComplaintsRepository(this.db).years(codes), () => []));

  /** Every veto of the station, lifted ones too, newest first (kept in memory until a change to the station). */
  readonly vetoes = new DataLoader<string, StoredVeto[]>(async (codes) =>
    (await this.perStation(this.caches.vetoes, codes, null, (missing) => new VetoEventsRepository(this.db).ofStations(missing))).map((vetoes) => vetoes ?? []),
  );

  readonly assessments = new DataLoader(byKey((codes: readonly string[]) => new AssessmentsRepository(this.db).assessmentsOf(codes), () => []));

  readonly marks = new DataLoader(byKey((codes: readonly string[]) => new AssessmentsRepository(this.db).marksOf(codes), () => []));

  readonly casePage = new DataLoader<CasePageRequest, Page<EnforcementCase>, string>(
    (requests) => new CasesRepository(this.db).pages(requests, (caseNumber) => encodeCursor('CASE', [caseNumber])),
    { cacheKeyFn: (r) => `${r.stationCode}\u0000${r.first}\u0000${r.after ?? ''}` },
  );

  readonly history = new DataLoader<HistoryRequest, Page<ScoreSnapshot>, string>(
    (requests) => loadHistoryPages(this.db, requests, (id) => encodeCursor('SNAPSHOT', [id])),
    { cacheKeyFn: (r) => `${r.stationCode}\u0000${r.first}\u0000${r.beforeId ?? ''}` },
  );

  readonly changeEnds = new DataLoader<ChangeRequest, { from: ScoreSnapshot | null; to: ScoreSnapshot | null }, string>((requests) => loadChangeEnds(this.db, requests), {
    cacheKeyFn: (r) => `${r.stationCode}\u0000${r.from?.toISOString() ?? ''}\u0000${r.to?.toISOString() ?? ''}`,
  });

  /**
   * Values of a station-scoped cache (under `variant`, when they depend on it), the missing
   * ones read in one statement (the read point taken first); null for a station `load` has
   * nothing for.
   */
  private perStation<V>(cache: StationScopedCache<V | null>, codes: readonly string[], variant: string | null, load: (missing: string[]) => Promise<Map<string, V>>): Promise<(V | null)[]> {
    const at = cache.readPoint();
    return readThrough(codes, load, { get: (code) => cache.get(code, variant ?? ''), set: (code, value) => cache.set(code, at, value, variant ?? '') });
  }

  /** Values of a generation cache, the missing ones read in one statement (generation read first). */
  private cached<V>(cache: GenerationCache<V | null>, keys: readonly string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<(V | null)[]> {
    const generation = this.caches.generation();
    return readThrough(keys, load, { get: (key) => cache.get(key, generation), set: (key, value) => cache.set(key, generation, value) });
  }
}

/** A cache as read at one point (its read point or generation already taken). */
interface CacheAtReadPoint<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/** Values in key order: the cached ones, and the missing ones read in one call and kept (null where `load` has none). */
async function readThrough<V>(keys: readonly string[], load: (missing: string[]) => Promise<Map<string, V>>, cache: CacheAtReadPoint<V | null>): Promise<(V | null)[]> {
  const found = new Map<string, V | null>();
  const missing: string[] = [];
  for (const key of keys) {
    const hit = cache.get(key);
    if (hit === undefined) missing.push(key);
    else found.set(key, hit);
  }
  if (missing.length > 0) {
    const loaded = await load(missing);
    for (const key of missing) {
      const value = loaded.get(key) ?? null;
      found.set(key, value);
      cache.set(key, value);
    }
  }
  return keys.map((key) => found.get(key) ?? null);
}
