import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { RegionLevel } from './region.entity.js';
import { RegionsRepository } from './regions.repository.js';

export interface RegionInput {
  code: string;
  name: string;
}

export interface RegionUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Regions created (previousName null) or renamed by this upsert. */
  changes: { code: string; name: string; previousName: string | null }[];
}

/** The level and parent a GB/T 2260 code implies: 130000 province, 130100 city, 130102 county. */
export function regionShape(code: string): { level: RegionLevel; parentCode: string | null } {
  if (!/^\d{6}$/.test(code) || code.startsWith('00')) throw DomainError.badInput(`region code ${code} is not a 6-digit GB/T 2260 code`);
  if (code.endsWith('0000')) return { level: 'PROVINCE', parentCode: null };
  if (code.endsWith('00')) return { level: 'CITY', parentCode: `${code.slice(0, 2)}0000` };
  return { level: 'COUNTY', parentCode: `${code.slice(0, 4)}00` };
}

@Injectable()
export class RegionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Upserts regions (names may change; levels and parents follow from the codes). Parents
   * must be in the same batch or already stored.
   */
  async upsert(regions: RegionInput[], manager: EntityManager = this.dataSource.manager): Promise<RegionUpsertResult> {
    const sorted = [...regions].sort((a, b) => depth(a.code) - depth(b.code) || a.code.localeCompare(b.code));
    if (sorted.length === 0) return { created: 0, updated: 0, unchanged: 0, changes: [] };
    const rows = sorted.map((r) => ({ ...r, ...regionShape(r.code) }));
    const result = await new RegionsRepository(manager).upsert(rows);
    const created = result.filter((r) => r.inserted).length;
    const updated = result.filter((r) => !r.inserted && r.changed).length;
    return {
      created,
      updated,
      unchanged: result.length - created - updated,
      changes: result.filter((r) => r.changed).map((r) => ({ code: r.code, name: r.name, previousName: r.inserted ? null : r.before_name })),
    };
  }

  /** Makes sure a region and its parents exist; missing parents are named by their code. */
  async ensureChain(code: string, name: string): Promise<void> {
    const chain: RegionInput[] = [];
    for (let current: string | null = code; current; current = regionShape(current).parentCode) {
      chain.push({ code: current, name: current === code ? name : current });
    }
    const known = await new RegionsRepository(this.dataSource).loadedCodes(chain.map((r) => r.code));
    await this.upsert(chain.filter((r) => r.code === code || !known.has(r.code)));
  }
}

function depth(code: string): number {
  return regionShape(code).level === 'PROVINCE' ? 0 : regionShape(code).level === 'CITY' ? 1 : 2;
}
