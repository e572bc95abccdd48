// The live adapters of the forms' ports, each on the simplest existing read path: the
// current snapshot through the dashboard's snapshot cache, the station rows and ranking of
// CurrentScoresRepository, the personnel repository's roster and the certification service.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../../auth/principal.js';
import { CertificationsService } from '../../certifications/certifications.service.js';
import type { Certification } from '../../domain/station-data.js';
import type { Education, Position, StaffingType } from '../../domain/vocabulary.js';
import { SnapshotCache } from '../../dashboard/loaders/snapshot-cache.js';
import { PersonnelRepository } from '../../personnel/personnel.repository.js';
import { onRoster } from '../../personnel/roster.js';
import { toScoreResult } from '../../dashboard/loaders/score-history.js';
import { regionColumn } from '../../dashboard/permissions.js';
import { CurrentScoresRepository, rankingExportPages, type StationRow } from '../../scoring/current-scores.repository.js';
import type { RosterPerson } from '../build/views.builder.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import type { FormStation } from '../views/common.js';
import type { RankingRow } from '../views/lists.view.js';
import type { CertificationSource, LiveScore, LiveScoreSource, RankingSource, RosterSource, StationSource } from './ports.js';

/** A form's station from a station row with its region names (the round adapters use it too). */
export function formStation(row: Pick<StationRow, 'code' | 'name' | 'county_code' | 'city_code' | 'county_name' | 'city_name' | 'province_name' | 'province_code'>): FormStation {
  return {
    code: row.code,
    name: row.name,
    countyCode: row.county_code,
    countyName: row.county_name ?? row.county_code,
    cityCode: row.city_code,
    cityName: row.city_name ?? row.city_code,
    provinceName: row.province_name ?? row.province_code,
  };
}

@Injectable()
export class SnapshotLiveScoreSource implements LiveScoreSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: SnapshotCache,
  ) {}

  async current(stationCode: string): Promise<LiveScore | null> {
    const row = await new CurrentScoresRepository(this.db).evaluation(stationCode);
    if (row === undefined) return null;
    const [contents] = await this.snapshots.load(this.db, [row.snapshot_id]);
    if (!contents) return null;
    // A later evaluation that said the same (same digest) wrote no snapshot, only its own
    // cut-off and input hash on station_score: the score as of that evaluation is the
    // snapshot's result with them.
    return { result: { ...toScoreResult(contents), cutOff: row.cut_off, inputHash: row.input_hash }, resultDigest: row.result_digest, evaluatedAt: row.evaluated_at };
  }
}

@Injectable()
export class DbStationSource implements StationSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async station(code: string): Promise<FormStation | null> {
    const row = (await new CurrentScoresRepository(this.db).rows([code])).get(code);
    return row === undefined ? null : formStation(row);
  }
}

@Injectable()
export class DbRosterSource implements RosterSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async people(stationCode: string, day: string): Promise<RosterPerson[]> {
    const people = ((await new PersonnelRepository(this.db).roster([stationCode])).get(stationCode) ?? []).filter((p) => onRoster(p, day));
    // The roster rows carry vocabulary values as plain strings; the database CHECKs them.
    return people.map((p) => ({ ...p, position: p.position as Position, education: p.education as Education, staffingType: p.staffingType as StaffingType }));
  }
}

@Injectable()
export class DbCertificationSource implements CertificationSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certificationsService: CertificationsService,
  ) {}

  certifications(stationCode: string): Promise<Certification[]> {
    // The forms service has checked the caller's access to the station already.
    return this.certificationsService.list(this.db.manager, SYSTEM_PRINCIPAL, stationCode);
  }
}

const FETCH_ROWS = 1000;

@Injectable()
export class DbRankingSource implements RankingSource {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async regionName(code: string): Promise<string | null> {
    return (await new RegionsRepository(this.db).byCodes([code])).get(code)?.name ?? null;
  }

  /** One statement through a server-side cursor, so a province of 40,000 stations streams in pages from one consistent snapshot. */
  async *rows(regionCode: string): AsyncIterable<RankingRow> {
    const pages = rankingExportPages(this.db, { column: regionColumn(regionCode), code: regionCode }, FETCH_ROWS);
    for await (const { rows } of pages) {
      for (const row of rows) {
        yield { rank: row.rank, station: formStation(row), total: row.total, rebased: row.rebased, bonus: row.bonus, stars: row.stars, cutOff: row.cut_off };
      }
    }
  }
}
