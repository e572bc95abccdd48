import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { coversRegion, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { StationProfile } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess, checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { StationsRepository } from './stations.repository.js';

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
    const level = await new RegionsRepository(manager).levelOf(profile.countyCode);
    if (level !== 'COUNTY') {
      throw DomainError.badInput('countyCode is not a loaded county', [
        {
          path: 'countyCode',
          reason: level
            ? `${profile.countyCode} is a ${level} region; a station belongs to a county (区/县)`
            : `${profile.countyCode} is not loaded; load the administrative divisions first (PUT /api/v1/reference/regions)`,
        },
      ]);
    }
    // Creating a code is serialised too: two first pushes of one code cannot both "create" it.
    const stations = new StationsRepository(manager);
    await stations.lockCode(code);
    const existing = await stations.lockedDigest(code);
    // Codes are unique across the country: this is the one answer that tells a key a code is
    // in use outside its region (reads and writes under it answer as for a missing station).
    if (existing && !coversRegion(ctx.principal, existing.county_code)) {
      throw DomainError.conflict(`station code ${code} is taken by a station outside this key's region; choose another code`);
    }
    const digest = rowDigest(profile);
    if (existing?.row_digest === digest) return { ...emptySummary(), unchanged: 1 };
    const written = (await stations.upsert(code, profile, digest))!;
    await this.audit.record(manager, ctx, 'station.put', [
      { stationCode: code, entity: 'station', entityKey: code, beforeDigest: existing?.row_digest ?? null, afterDigest: digest },
    ]);
    await this.outbox.stationsChanged(manager, [code], 'station');
    return written.inserted ? { ...emptySummary(), created: 1 } : { ...emptySummary(), updated: 1 };
  }

  async get(manager: EntityManager, principal: Principal, code: string): Promise<StationView> {
    await this.access.checkRead(manager, principal, code);
    const row = (await new StationsRepository(manager).withCounts(code))!;
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
    const rows = await new StationsRepository(manager).list(region, opts.after ?? null, opts.limit + 1);
    const page = rows.slice(0, opts.limit);
    return {
      items: page.map((r) => ({ code: r.code, name: r.name, countyCode: r.county_code, updatedAt: r.updated_at.toISOString() })),
      nextAfter: rows.length > opts.limit ? page[page.length - 1].code : null,
    };
  }
}
