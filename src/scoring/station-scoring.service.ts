import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { todayIn } from '../domain/dates.js';
import type { IsoDate } from '../domain/station-data.js';
import { getRubric } from '../rubric/index.js';
import { StarPolicyStore } from '../rubric/star-policies.service.js';
import { scoreStation, type ScoreResult } from './engine/index.js';
import { StationsRepository } from '../stations/stations.repository.js';
import { FactsLoader } from './facts-loader.js';
import { ScoreWriter } from './score-writer.js';

export interface ScoringOutcome {
  /** A new snapshot was written: the score changed. */
  changed: string[];
  /** Recomputed to the same score (windows moved, nothing said differently). */
  confirmed: string[];
  /** Inputs identical to the current score's: nothing written. */
  skipped: string[];
  /** The engine failed on these stations; the others were stored. */
  failed: { stationCode: string; error: string }[];
  /** Codes with no station (deleted meanwhile). */
  missing: string[];
}

export interface ScoringOptions {
  /** Defaults to today in the configured time zone (the rolling current evaluation). */
  cutOff?: IsoDate;
  roundId?: string | null;
  /** Runs inside the scoring transaction after the scores are written (e.g. run counters). */
  inTransaction?: (manager: EntityManager, outcome: ScoringOutcome) => Promise<void>;
}

/**
 * Loads, scores and stores stations in one transaction that holds their rows locked, so a
 * concurrent push cannot slip between the facts read and the score written.
 */
@Injectable()
export class StationScoringService {
  private readonly logger = new Logger(StationScoringService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policies: StarPolicyStore,
  ) {}

  today(): IsoDate {
    return todayIn(this.config.timeZone);
  }

  async score(stationCodes: readonly string[], options: ScoringOptions = {}): Promise<ScoringOutcome> {
    const cutOff = options.cutOff ?? this.today();
    const outcome: ScoringOutcome = { changed: [], confirmed: [], skipped: [], failed: [], missing: [] };
    if (stationCodes.length === 0) return outcome;
    await this.dataSource.transaction(async (manager) => {
      const locked = await new StationsRepository(manager).lockForScoring(stationCodes);
      const found = new Set(locked.map((row) => row.code));
      outcome.missing = stationCodes.filter((code) => !found.has(code));
      const policies = await this.policies.activeFor(
        locked.map((row) => row.province_code),
        manager,
      );
      // Stations are grouped by the rubric version their province's policy uses.
      const byVersion = new Map<string, string[]>();
      for (const row of locked) {
        const version = policies.get(row.province_code)!.rubricVersion;
        byVersion.set(version, [...(byVersion.get(version) ?? []), row.code]);
      }
      const results: ScoreResult[] = [];
      const loader = new FactsLoader(manager);
      for (const [version, codes] of byVersion) {
        const rubric = getRubric(version);
        for (const [code, loaded] of await loader.load(codes, version)) {
          try {
            results.push(scoreStation(loaded.facts, { cutOff, rubric, policy: policies.get(loaded.provinceCode)! }));
          } catch (error) {
            this.logger.error(`scoring ${code} failed`, error instanceof Error ? error.stack : String(error));
            outcome.failed.push({ stationCode: code, error: error instanceof Error ? error.message : String(error) });
          }
        }
      }
      const written = await new ScoreWriter(manager).write(results, { roundId: options.roundId ?? null });
      outcome.changed = written.changed;
      outcome.confirmed = written.confirmed;
      outcome.skipped = written.skipped;
      await options.inTransaction?.(manager, outcome);
    });
    return outcome;
  }
}
