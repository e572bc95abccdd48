import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { coversRegion, regionPrefix, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { StationProfile } from '../domain/station-data.js';
import type { Duty, Room } from '../domain/vocabulary.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess, checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';

// Namespace of the advisory locks that serialise creating one station code.
const STATION_CREATE_LOCK = 7310;

export interface StationView extends StationProfile {
  code: string;
  cityCode: string;
  provinceCode: string;
  createdAt: string;
  updatedAt: string;
  counts: {
    personnel: number;
    equipment: number;
    cases: number;
    complaintPeriods: number;
    certifications: number;
    bonusEvents: number;
    vetoEvents: { active: number; lifted: number };
    annualReviews: number;
  };
}

interface StoredStationRow {
  code: string;
  name: string;
  county_code: string;
  city_code: string;
  province_code: string;
  approved_headcount: number;
  duties: Duty[];
  premises_independent: boolean;
  rooms: Room[];
  internet: boolean;
  private_network: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Station profiles: create or replace (PUT), read with counts, list within the key's region. */
@Injectable()
export class StationsService {
  constructor(
    private readonly access: StationAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * PUT: creates the station or replaces its profile. The county must be loaded; the caller
   * must cover the new county and, for an existing station, its current one (moving a
   * station takes a key that covers both).
   */
  async put(manager: EntityManager, ctx: WriteContext, code: string, profile: StationProfile): Promise<WriteSummary> {
    checkStationCode(code);
    // The key's reach first: whether a county outside it is loaded is none of its business.
    if (!coversRegion(ctx.principal, profile.countyCode)) {
      throw DomainError.forbidden(`county ${profile.countyCode} is outside this key's region (${ctx.principal.regionCode})`);
    }
    const [county] = await manager.query<{ level: string }[]>(`SELECT level FROM region WHERE code = $1`, [profile.countyCode]);
    if (county?.level !== 'COUNTY') {
      throw DomainError.badInput('countyCode is not a loaded county', [
        {
          path: 'countyCode',
          reason: county
            ? `${profile.countyCode} is a ${county.level} region; a station belongs to a county (区/县)`
            : `${profile.countyCode} is not loaded; load the administrative divisions first (PUT /api/v1/reference/regions)`,
        },
      ]);
    }
    // Creating a code is serialised too: two first pushes of one code cannot both "create" it.
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [STATION_CREATE_LOCK, code]);
    const [existing] = await manager.query<{ county_code: string; row_digest: string }[]>(
      `SELECT county_code, row_digest FROM station WHERE code = $1 FOR NO KEY UPDATE`,
      [code],
    );
    // Codes are unique across the country: this is the one answer that tells a key a code is
    // in use outside its region (reads and writes under it answer as for a missing station).
    if (existing && !coversRegion(ctx.principal, existing.county_code)) {
      throw DomainError.conflict(`station code ${code} is taken by a station outside this key's region; choose another code`);
    }
    const digest = rowDigest(profile);
    if (existing?.row_digest === digest) return { ...emptySummary(), unchanged: 1 };
    const { premises } = profile;
    const [written] = await manager.query<{ inserted: boolean }[]>(
      `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest)
       VALUES ($1, $2, $3::varchar, substr($3::varchar, 1, 4) || '00', substr($3::varchar, 1, 2) || '0000', $4, $5::text[], $6, $7::text[], $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code, city_code = EXCLUDED.city_code,
         province_code = EXCLUDED.province_code, approved_headcount = EXCLUDED.approved_headcount, duties = EXCLUDED.duties,
         premises_independent = EXCLUDED.premises_independent, rooms = EXCLUDED.rooms, internet = EXCLUDED.internet,
         private_network = EXCLUDED.private_network, row_digest = EXCLUDED.row_digest, updated_at = now()
       WHERE station.row_digest IS DISTINCT FROM EXCLUDED.row_digest
       RETURNING (xmax = 0) AS inserted`,
      [code, profile.name, profile.countyCode, profile.approvedHeadcount, profile.duties, premises.independent, premises.rooms, premises.internet, premises.privateNetwork, digest],
    );
    await this.audit.record(manager, ctx, 'station.put', [
      { stationCode: code, entity: 'station', entityKey: code, beforeDigest: existing?.row_digest ?? null, afterDigest: digest },
    ]);
    await this.outbox.stationsChanged(manager, [code], 'station');
    return written.inserted ? { ...emptySummary(), created: 1 } : { ...emptySummary(), updated: 1 };
  }

  async get(manager: EntityManager, principal: Principal, code: string): Promise<StationView> {
    await this.access.checkRead(manager, principal, code);
    const [row] = await manager.query<(StoredStationRow & Record<string, number>)[]>(
      `SELECT s.*,
         (SELECT count(*)::int FROM person WHERE station_code = s.code) AS n_personnel,
         (SELECT count(*)::int FROM equipment WHERE station_code = s.code) AS n_equipment,
         (SELECT count(*)::int FROM enforcement_case WHERE station_code = s.code) AS n_cases,
         (SELECT count(*)::int FROM complaint_figures WHERE station_code = s.code) AS n_complaints,
         (SELECT count(*)::int FROM certification WHERE station_code = s.code) AS n_certifications,
         (SELECT count(*)::int FROM bonus_event WHERE station_code = s.code) AS n_bonus,
         (SELECT count(*)::int FROM veto_event WHERE station_code = s.code AND lifted_at IS NULL) AS n_veto_active,
         (SELECT count(*)::int FROM veto_event WHERE station_code = s.code AND lifted_at IS NOT NULL) AS n_veto_lifted,
         (SELECT count(*)::int FROM annual_review WHERE station_code = s.code) AS n_reviews
       FROM station s WHERE s.code = $1`,
      [code],
    );
    return {
      code: row.code,
      name: row.name,
      countyCode: row.county_code,
      cityCode: row.city_code,
      provinceCode: row.province_code,
      approvedHeadcount: row.approved_headcount,
      duties: row.duties,
      premises: { independent: row.premises_independent, rooms: row.rooms, internet: row.internet, privateNetwork: row.private_network },
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      counts: {
        personnel: row.n_personnel,
        equipment: row.n_equipment,
        cases: row.n_cases,
        complaintPeriods: row.n_complaints,
        certifications: row.n_certifications,
        bonusEvents: row.n_bonus,
        vetoEvents: { active: row.n_veto_active, lifted: row.n_veto_lifted },
        annualReviews: row.n_reviews,
      },
    };
  }

  /** Stations in the caller's region (optionally one region below it), by code, a page at a time. */
  async list(
    manager: EntityManager,
    principal: Principal,
    opts: { regionCode?: string; after?: string; limit: number },
  ): Promise<{ items: { code: string; name: string; countyCode: string; updatedAt: string }[]; nextAfter: string | null }> {
    const region = opts.regionCode ?? (principal.role === 'ADMIN' ? null : principal.regionCode);
    if (region !== null && !coversRegion(principal, region)) throw DomainError.forbidden(`region ${region} is outside this key's region (${principal.regionCode})`);
    // One indexed column per level (ix_station_province / _city / _county).
    const column = region === null ? null : { 2: 'province_code', 4: 'city_code', 6: 'county_code' }[regionPrefix(region).length];
    const rows = await manager.query<{ code: string; name: string; county_code: string; updated_at: Date }[]>(
      `SELECT code, name, county_code, updated_at FROM station
       WHERE ${column ? `${column} = $1` : '$1::char(6) IS NULL'} AND ($2::varchar IS NULL OR code > $2)
       ORDER BY code LIMIT $3`,
      [region, opts.after ?? null, opts.limit + 1],
    );
    const page = rows.slice(0, opts.limit);
    return {
      items: page.map((r) => ({ code: r.code, name: r.name, countyCode: r.county_code, updatedAt: r.updated_at.toISOString() })),
      nextAfter: rows.length > opts.limit ? page[page.length - 1].code : null,
    };
  }
}
