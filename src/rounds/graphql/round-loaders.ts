// The request's DataLoaders of rating rounds: every relation of a page of applications is
// batched (one statement per relation per page, whatever its size), like the dashboard's.
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import type { DashboardContext } from '../../dashboard/graphql-context.js';
import { scopeFilter } from '../../dashboard/permissions.js';
import type { ScoreSnapshot } from '../../dashboard/types/score.types.js';
import { ApplicationListsRepository } from '../applications/application-lists.repository.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundReviewRepository } from '../review/round-review.repository.js';
import { loadOverlays } from '../round-overlay.js';
import { RoundResultsRepository } from '../round-results.repository.js';
import { scoreApplication } from '../round-scoring.js';
import { RoundsRepository } from '../rounds.repository.js';
import { snapshotOfResult } from './round-score.js';
import type { ApplicationTransition, AwardWarning, CriterionReview, Inspection, MissingItemDecision, Objection, RoundStatusCount } from './round.types.js';

/** A veto the station's live score shows now (the early warning's substance). */
export type LiveVeto = Omit<AwardWarning, 'stationCode' | 'roundId' | 'roundName'>;

/** A station's award in a confirmed round (AWARDED, or REVOKED after 摘星). */
export interface StationAwardRow {
  roundId: string;
  roundName: string;
  level: string;
  status: string;
  confirmedAt: Date | null;
}

function grouped<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => map.get(k) ?? []);
}

export class RoundLoaders {
  constructor(
    private readonly db: DataSource,
    private readonly principal: Principal,
  ) {}

  readonly round = new DataLoader<string, RatingRoundRecord | null>(async (ids) => {
    const rows = await new RoundsRepository(this.db).byIds([...ids]);
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

  /** Counts per status of the applications the key may see. */
  readonly counts = new DataLoader<string, RoundStatusCount[]>(async (roundIds) => {
    const rows = await new ApplicationListsRepository(this.db).statusCounts([...roundIds], scopeFilter(this.principal));
    return grouped(roundIds, rows, (r) => r.round_id).map((list) => list.map((r) => ({ status: r.status, count: r.count })));
  });

  readonly history = new DataLoader<string, ApplicationTransition[]>(async (ids) => {
    const rows = await new RoundApplicationsRepository(this.db).historiesOf([...ids]);
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly reviews = new DataLoader<string, CriterionReview[]>(async (ids) => {
    const rows = await new RoundReviewRepository(this.db).reviewsOf([...ids]);
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly inspections = new DataLoader<string, Inspection[]>(async (ids) => {
    const rows = await new RoundReviewRepository(this.db).inspectionsOf([...ids]);
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly decisions = new DataLoader<string, (MissingItemDecision & { itemId: string })[]>(async (ids) => {
    const rows = await new RoundReviewRepository(this.db).decisionsOf([...ids]);
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly objections = new DataLoader<string, Objection[]>(async (ids) => {
    const rows = await new RoundReviewRepository(this.db).objectionsOf([...ids]);
    return grouped(ids, rows, (r) => r.application_id);
  });

  /**
   * The result: the stored one once confirmed; otherwise the round scoring on the frozen facts
   * with the round's reviews so far (null for a draft never submitted).
   */
  readonly result = new DataLoader<string, ScoreSnapshot | null>(async (ids) => {
    const stored = await new RoundResultsRepository(this.db).storedOf([...ids]);
    const byId = new Map<string, ScoreSnapshot | null>(stored.map((r) => [r.application_id, snapshotOfResult(`round-result:${r.application_id}`, r.result, r.confirmed_at)]));
    const rest = ids.filter((id) => !byId.has(id));
    if (rest.length > 0) {
      const applications = await new RoundApplicationsRepository(this.db).byIds(rest);
      const now = new Date();
      for (const roundId of new Set(applications.map((a) => a.roundId))) {
        const round = await this.round.load(roundId);
        const mine = applications.filter((a) => a.roundId === roundId && a.frozenFacts !== null);
        if (round === null || mine.length === 0) continue;
        const overlays = await loadOverlays(this.db.manager, round, mine.map((a) => a.id));
        for (const a of mine) byId.set(a.id, snapshotOfResult(`round-application:${a.id}`, scoreApplication(round, a, overlays.get(a.id)!), now));
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** A veto the station's live score currently shows (by station code). */
  readonly liveVeto = new DataLoader<string, LiveVeto | null>(async (codes) => {
    const rows = await new RoundResultsRepository(this.db).liveBlockingVetoes([...codes]);
    const byCode = new Map(rows.map((r) => [r.station_code, r.blocking_vetoes[0]]));
    return codes.map((code) => {
      const v = byCode.get(code);
      return v === undefined ? null : { vetoId: v.id, kind: v.kind, date: v.date, reason: v.description };
    });
  });

  /** The station's awards in confirmed rounds, newest round first. */
  readonly stationAwards = new DataLoader<string, (StationAwardRow & { stationCode: string })[]>(async (codes) => {
    const rows = await new ApplicationListsRepository(this.db).awardsOf([...codes]);
    return grouped(codes, rows, (r) => r.stationCode);
  });

  /** The early warnings of these awards: those whose station's live score shows a veto now, in the given order. */
  async awardWarnings(awards: readonly { stationCode: string; roundId: string; roundName: string }[]): Promise<AwardWarning[]> {
    const vetoes = await Promise.all(awards.map((a) => this.liveVeto.load(a.stationCode)));
    return awards.flatMap((a, i) => (vetoes[i] === null ? [] : [{ ...a, ...vetoes[i]! }]));
  }

  readonly revocation = new DataLoader<string, string | null>(async (ids) => {
    const rows = await new RoundReviewRepository(this.db).revocationsOf([...ids]);
    const byId = new Map(rows.map((r) => [r.application_id, r.reason]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

const PER_REQUEST = new WeakMap<DashboardContext, RoundLoaders>();

export function roundLoaders(ctx: DashboardContext, db: DataSource): RoundLoaders {
  let loaders = PER_REQUEST.get(ctx);
  if (loaders === undefined) {
    loaders = new RoundLoaders(db, ctx.principal);
    PER_REQUEST.set(ctx, loaders);
  }
  return loaders;
}
