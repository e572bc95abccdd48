// The round adapters of the forms: what a rating round's forms read instead of the live
// data. A station's 附件1 is its application's score in the round (the frozen facts with the
// round's reviews, inspections and decisions, or the stored round_result once the round is
// CONFIRMED), 附件2 the frozen personnel, 附件3 the application's certification; the lists
// are built from the applications' round results. Reads only: nothing here writes.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CurrentScoresRepository, type StationRow } from '../../scoring/current-scores.repository.js';
import { UUID_PATTERN } from '../../files/file-attachments.js';
import { FilesRepository } from '../../files/files.repository.js';
import { applicationResultPages } from '../../rounds/applications/application-lists.repository.js';
import { RoundApplicationsRepository } from '../../rounds/applications/applications.repository.js';
import type { RoundApplicationRecord } from '../../rounds/round-application.entity.js';
import type { ApplicationStatus } from '../../rounds/round-status.js';
import { RoundReviewRepository } from '../../rounds/review/round-review.repository.js';
import { loadOverlays } from '../../rounds/round-overlay.js';
import { RoundResultsRepository } from '../../rounds/round-results.repository.js';
import { isAwarded, scoreApplication } from '../../rounds/round-scoring.js';
import type { RatingRoundRecord } from '../../rounds/rating-round.entity.js';
import type { ScoreResult } from '../../scoring/engine/index.js';
import { resultDigest } from '../../scoring/result-digest.js';
import type { FormStation } from '../views/common.js';
import type { PublicationEntry, ResultRow } from '../views/lists.view.js';
import { formStation } from './live-sources.js';
import { RoundResultMemo, type MemoEntry, type ResultHeadline } from './round-result-memo.js';

/** An application's result in its round, and where it comes from. */
export interface RoundScore {
  readonly result: ScoreResult;
  readonly resultDigest: string;
  /** STORED: round_result (confirmed, immutable); COMPUTED: scored now from the frozen facts and the round's overlay. */
  readonly origin: 'STORED' | 'COMPUTED';
}

export interface MissingItemDecision {
  readonly itemId: string;
  readonly accepted: boolean;
  readonly reason: string;
}

interface ScoredRow {
  station: FormStation;
  status: ApplicationStatus;
  result: ResultHeadline;
  digest: string;
}

/** Statuses of the applications a 公示名单 may propose: reviewed during publication, awarded once confirmed. */
const PROPOSED_STATUSES: readonly ApplicationStatus[] = ['REVIEWED', 'AWARDED'];

/** Rows per page of the result table's cursor: each row to score carries ≈ 30 KB of frozen facts, and a page is scored without yielding the event loop (≈ 40–80 ms). */
const RESULT_PAGE = 100;

@Injectable()
export class RoundFormsSource {
  /** Computed results of the lists, by what they depend on (round-result-memo.ts). */
  private readonly memo = new RoundResultMemo();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The application of a station in a round; null when the station did not apply. */
  application(roundId: string, stationCode: string): Promise<RoundApplicationRecord | null> {
    return new RoundApplicationsRepository(this.db).record(roundId, stationCode);
  }

  async station(code: string): Promise<FormStation | null> {
    const row = (await new CurrentScoresRepository(this.db).rows([code])).get(code);
    return row === undefined ? null : formStation(row);
  }

  /** The application's score in the round: the stored result once confirmed, else computed. */
  async score(round: RatingRoundRecord, application: RoundApplicationRecord): Promise<RoundScore> {
    if (round.status === 'CONFIRMED') {
      const stored = await new RoundResultsRepository(this.db).storedWithDigest(application.id);
      if (stored !== undefined) return { result: stored.result, resultDigest: stored.result_digest, origin: 'STORED' };
    }
    const overlay = (await loadOverlays(this.db.manager, round, [application.id])).get(application.id)!;
    const result = scoreApplication(round, application, overlay);
    return { result, resultDigest: resultDigest(result), origin: 'COMPUTED' };
  }

  async missingItemDecisions(applicationId: string): Promise<MissingItemDecision[]> {
    return new RoundReviewRepository(this.db).decisionsOfOne(applicationId);
  }

  /** Original names of uploaded files by id (lower case; ids that are not UUIDs, or of files that no longer exist, are left out). */
  async fileNames(ids: readonly string[]): Promise<Map<string, string>> {
    const wellFormed = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)).map((id) => id.toLowerCase()))];
    if (wellFormed.length === 0) return new Map();
    const rows = await new FilesRepository(this.db).names(wellFormed);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** 公示名单: REVIEWED or AWARDED applications whose round result reaches the round's level. */
  async publicationEntries(round: RatingRoundRecord): Promise<PublicationEntry[]> {
    const entries: PublicationEntry[] = [];
    for await (const row of this.results(round, PROPOSED_STATUSES)) {
      if (isAwarded(row.result, round.level)) entries.push({ station: row.station, total: row.result.total, stars: row.result.stars });
    }
    return entries;
  }

  /** The full result table's rows: every application that was submitted (it has frozen facts), by region then station code. */
  async *resultRows(round: RatingRoundRecord): AsyncIterable<ResultRow> {
    for await (const { station, status, result, digest } of this.results(round, null)) {
      yield {
        station,
        status,
        raw: result.raw,
        applicable: result.applicable,
        rebased: result.rebased,
        bonus: result.bonus,
        total: result.total,
        stars: result.stars,
        eligible: result.eligible,
        vetoCount: result.blockingVetoes.length,
        pendingCount: result.pendingCriteria.length,
        resultDigest: digest,
      };
    }
  }

  /**
   * The round's applications with frozen facts (of the given statuses, or all), each with its
   * result, through one server-side cursor in one read-only snapshot: 40,000 applications
   * stream in pages, each page's overlays read in 2 queries. A stored round_result is used
   * as it is (the frozen facts are not even read for it).
   */
  private async *results(round: RatingRoundRecord, statuses: readonly ApplicationStatus[] | null): AsyncIterable<ScoredRow> {
    const pages = applicationResultPages<ResultCursorRow>(this.db, round.id, round.status === 'CONFIRMED', statuses, RESULT_PAGE);
    for await (const { rows, manager } of pages) yield* this.scorePage(manager, round, rows);
  }

  private async *scorePage(manager: EntityManager, round: RatingRoundRecord, rows: readonly ResultCursorRow[]): AsyncIterable<ScoredRow> {
    const stored = rows.filter((r) => r.stored_digest !== null).map((r) => r.application_id);
    const computed = rows.filter((r) => r.stored_digest === null);
    const [headlines, overlays] = await Promise.all([this.storedHeadlines(manager, stored), loadOverlays(manager, round, computed.map((r) => r.application_id))]);
    // Each computed row's result: from the memo when nothing it depends on changed, else scored (reading its frozen facts).
    const entries = new Map<string, MemoEntry>();
    const keys = new Map<string, string>();
    for (const row of computed) {
      const key = RoundResultMemo.key(row.application_id, row.version, overlays.get(row.application_id)!);
      keys.set(row.application_id, key);
      const hit = this.memo.get(key);
      if (hit !== undefined) entries.set(row.application_id, hit);
    }
    const misses = computed.filter((r) => !entries.has(r.application_id));
    const inputs = misses.length === 0 ? [] : await new RoundApplicationsRepository(manager).scoringInputs(misses.map((r) => r.application_id));
    const inputOf = new Map(inputs.map((i) => [i.id, i]));
    for (const row of misses) {
      const input = inputOf.get(row.application_id)!;
      const result = scoreApplication(round, { stationCode: row.station_code, frozenFacts: input.frozen_facts, missingItems: input.missing_items, certification: input.certification }, overlays.get(row.application_id)!);
      entries.set(row.application_id, this.memo.set(keys.get(row.application_id)!, result, resultDigest(result)));
    }
    for (const row of rows) {
      const station = formStation(row);
      const headline = headlines.get(row.application_id);
      if (headline !== undefined) {
        yield { station, status: row.status, result: headline, digest: row.stored_digest! };
        continue;
      }
      const entry = entries.get(row.application_id)!;
      yield { station, status: row.status, result: entry.headline, digest: entry.digest };
    }
  }

  /** Stored results' headlines (criteria, indicators and reasons stay in the database). */
  private async storedHeadlines(manager: EntityManager, applicationIds: readonly string[]): Promise<Map<string, ResultHeadline>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await new RoundResultsRepository(manager).headlines<ResultHeadline>(applicationIds);
    return new Map(rows.map(({ id, ...headline }) => [id, headline]));
  }
}

/** A row of the result cursor: the application and its station with region names; stored_digest set when its round_result is used. */
interface ResultCursorRow extends Pick<StationRow, 'code' | 'name' | 'county_code' | 'city_code' | 'county_name' | 'city_name' | 'province_name' | 'province_code'> {
  application_id: string;
  version: number;
  status: ApplicationStatus;
  station_code: string;
  stored_digest: string | null;
}

