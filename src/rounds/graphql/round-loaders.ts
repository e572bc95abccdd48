// The request's DataLoaders of rating rounds: every relation of a page of applications is
// batched (one statement per relation per page, whatever its size), like the dashboard's.
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import type { DashboardContext } from '../../dashboard/graphql-context.js';
import { scopeFilter } from '../../dashboard/permissions.js';
import type { ScoreSnapshot } from '../../dashboard/types/score.types.js';
import type { ScoreResult } from '../../scoring/engine/index.js';
import { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundApplicationRecord } from '../round-application.entity.js';
import { loadOverlays } from '../round-overlay.js';
import { scoreApplication } from '../round-scoring.js';
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
    const rows = await this.db.getRepository(RatingRoundRecord).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

  /** Counts per status of the applications the key may see. */
  readonly counts = new DataLoader<string, RoundStatusCount[]>(async (roundIds) => {
    const scope = scopeFilter(this.principal);
    const rows = await this.db.query<{ round_id: string; status: string; count: number }[]>(
      `SELECT a.round_id, a.status, count(*)::int AS count FROM round_application a JOIN station s ON s.code = a.station_code
       WHERE a.round_id = ANY($1::uuid[]) ${scope ? `AND s.${scope.column} = $2` : ''} GROUP BY a.round_id, a.status ORDER BY a.round_id, a.status`,
      scope ? [[...roundIds], scope.code] : [[...roundIds]],
    );
    return grouped(roundIds, rows, (r) => r.round_id).map((list) => list.map((r) => ({ status: r.status, count: r.count })));
  });

  readonly history = new DataLoader<string, ApplicationTransition[]>(async (ids) => {
    const rows = await this.db.query<(ApplicationTransition & { application_id: string })[]>(
      `SELECT application_id, from_status AS "fromStatus", to_status AS "toStatus", actor_role AS "actorRole", at, reason
       FROM round_application_transition WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, id`,
      [[...ids]],
    );
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly reviews = new DataLoader<string, CriterionReview[]>(async (ids) => {
    const rows = await this.db.query<(CriterionReview & { application_id: string })[]>(
      `SELECT application_id, criterion_id AS "criterionId", points::float8 AS points, note, file_ids::text[] AS "fileIds", reviewed_at AS "reviewedAt"
       FROM round_criterion_review WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, criterion_id`,
      [[...ids]],
    );
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly inspections = new DataLoader<string, Inspection[]>(async (ids) => {
    const rows = await this.db.query<(Inspection & { application_id: string })[]>(
      `SELECT application_id, id, to_char(date, 'YYYY-MM-DD') AS date, inspectors, findings, adjustments, recorded_at AS "recordedAt"
       FROM round_inspection WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, date, recorded_at`,
      [[...ids]],
    );
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly decisions = new DataLoader<string, (MissingItemDecision & { itemId: string })[]>(async (ids) => {
    const rows = await this.db.query<(MissingItemDecision & { itemId: string; application_id: string })[]>(
      `SELECT application_id, item_id AS "itemId", accepted, reason, decided_at AS "decidedAt" FROM round_missing_item_decision WHERE application_id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return grouped(ids, rows, (r) => r.application_id);
  });

  readonly objections = new DataLoader<string, Objection[]>(async (ids) => {
    const rows = await this.db.query<(Objection & { application_id: string })[]>(
      `SELECT o.application_id, o.id, a.station_code AS "stationCode", to_char(o.received_on, 'YYYY-MM-DD') AS "receivedOn", o.from_whom AS "fromWhom", o.content, o.status,
              o.resolution_reason AS "resolutionReason", o.resolved_at AS "resolvedAt", o.recorded_at AS "recordedAt"
       FROM round_objection o JOIN round_application a ON a.id = o.application_id WHERE o.application_id = ANY($1::uuid[]) ORDER BY o.application_id, o.recorded_at, o.id`,
      [[...ids]],
    );
    return grouped(ids, rows, (r) => r.application_id);
  });

  /**
   * The result: the stored one once confirmed; otherwise the round scoring on the frozen facts
   * with the round's reviews so far (null for a draft never submitted).
   */
  readonly result = new DataLoader<string, ScoreSnapshot | null>(async (ids) => {
    const stored = await this.db.query<{ application_id: string; result: ScoreResult; confirmed_at: Date }[]>(
      `SELECT application_id, result, confirmed_at FROM round_result WHERE application_id = ANY($1::uuid[])`,
      [[...ids]],
    );
    const byId = new Map<string, ScoreSnapshot | null>(stored.map((r) => [r.application_id, snapshotOfResult(`round-result:${r.application_id}`, r.result, r.confirmed_at)]));
    const rest = ids.filter((id) => !byId.has(id));
    if (rest.length > 0) {
      const applications = await this.db.getRepository(RoundApplicationRecord).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids: rest }).getMany();
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
    const rows = await this.db.query<{ station_code: string; blocking_vetoes: { id: string; kind: string; date: string; description: string }[] }[]>(
      `SELECT ss.station_code, sn.blocking_vetoes FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = ANY($1::varchar[])`,
      [[...codes]],
    );
    const byCode = new Map(rows.map((r) => [r.station_code, r.blocking_vetoes[0]]));
    return codes.map((code) => {
      const v = byCode.get(code);
      return v === undefined ? null : { vetoId: v.id, kind: v.kind, date: v.date, reason: v.description };
    });
  });

  /** The station's awards in confirmed rounds, newest round first. */
  readonly stationAwards = new DataLoader<string, (StationAwardRow & { stationCode: string })[]>(async (codes) => {
    const rows = await this.db.query<(StationAwardRow & { stationCode: string })[]>(
      `SELECT a.station_code AS "stationCode", r.id AS "roundId", r.name AS "roundName", r.level, a.status, r.confirmed_at AS "confirmedAt"
       FROM round_application a JOIN rating_round r ON r.id = a.round_id
       WHERE a.station_code = ANY($1::varchar[]) AND a.status IN ('AWARDED', 'REVOKED')
       ORDER BY a.station_code, r.cut_off DESC, r.opened_at DESC`,
      [[...codes]],
    );
    return grouped(codes, rows, (r) => r.stationCode);
  });

  /** The early warnings of these awards: those whose station's live score shows a veto now, in the given order. */
  async awardWarnings(awards: readonly { stationCode: string; roundId: string; roundName: string }[]): Promise<AwardWarning[]> {
    const vetoes = await Promise.all(awards.map((a) => this.liveVeto.load(a.stationCode)));
    return awards.flatMap((a, i) => (vetoes[i] === null ? [] : [{ ...a, ...vetoes[i]! }]));
  }

  readonly revocation = new DataLoader<string, string | null>(async (ids) => {
    const rows = await this.db.query<{ application_id: string; reason: string }[]>(`SELECT application_id, reason FROM round_award_revocation WHERE application_id = ANY($1::uuid[])`, [[...ids]]);
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
