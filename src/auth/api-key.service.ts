import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { ChangeFeed } from '../database/change-feed.js';
import { API_KEY_FORMAT, API_KEY_PATTERN, ROLE_REGION_LEVEL } from './api-key-format.js';
import { API_KEY_ROLES, type ApiKeyRecord, type ApiKeyRole } from './api-key.entity.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { Principal } from './principal.js';

// A verified key is kept this long without another lookup, and only while the change feed
// shows that no key was revoked or changed anywhere since it was read (every process hears
// of a revocation through the feed; without the feed nothing is kept).
const CACHE_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 10_000;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedApiKey {
  id: string;
  key: string;
  role: ApiKeyRole;
  regionCode: string;
}

interface CachedKey {
  principal: Principal;
  expiresAt: number;
  /** The feed's key generation when the key was read from the database. */
  generation: number;
}

@Injectable()
export class ApiKeyService {
  private readonly cache = new Map<string, CachedKey>();
  private readonly lastUsedWritten = new Map<string, number>();

  /** Without a change feed (the CLI), every verification reads the database. */
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(ChangeFeed) private readonly feed: ChangeFeed | null = null,
  ) {}

  async create(role: ApiKeyRole, regionCode: string, label = ''): Promise<CreatedApiKey> {
    const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    return this.register(role, regionCode, `ssk_${prefix}_${secret}`, label);
  }

  /** Stores a key made elsewhere (BOOTSTRAP_ADMIN_KEY_FILE), or by create(); only its hash is kept. */
  async register(role: ApiKeyRole, regionCode: string, key: string, label = ''): Promise<CreatedApiKey> {
    const match = API_KEY_PATTERN.exec(key);
    if (!match) throw DomainError.badInput(`an API key has the form ${API_KEY_FORMAT}`);
    if (!API_KEY_ROLES.includes(role)) throw DomainError.badInput(`role must be one of ${API_KEY_ROLES.join(', ')}`);
    const level = await new RegionsRepository(this.dataSource).levelOf(regionCode);
    if (level === null) throw DomainError.badInput(`unknown region ${regionCode}`);
    const expectedLevel = ROLE_REGION_LEVEL[role];
    if (expectedLevel && level !== expectedLevel) {
      throw DomainError.badInput(`a ${role} key needs a ${expectedLevel} region, ${regionCode} is a ${level}`);
    }
    const [, prefix, secret] = match;
    const saved = await new ApiKeysRepository(this.dataSource).insert({ prefix, secretHash: sha256(secret), role, regionCode, label });
    return { id: saved.id, key, role, regionCode };
  }

  /** The principal of a bearer token, or null when it is not a live key. */
  async verify(token: string): Promise<Principal | null> {
    const cached = await this.fromCache(token);
    if (cached) return cached;
    // Read before the lookup: a revocation committed during it moves the generation.
    const generation = this.feed?.keyGeneration() ?? null;
    const match = API_KEY_PATTERN.exec(token);
    if (!match) return null;
    const [, prefix, secret] = match;
    const record = await new ApiKeysRepository(this.dataSource).byPrefix(prefix);
    if (!record || record.revokedAt) return null;
    const expected = Buffer.from(record.secretHash, 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    const principal: Principal = { keyId: record.id, role: record.role, regionCode: record.regionCode };
    this.remember(token, principal, generation);
    this.touch(record.id);
    return principal;
  }

  /**
   * A cached principal, only when the feed confirms that every revocation committed before
   * this call has been heard of and none happened since the key was read.
   */
  private async fromCache(token: string): Promise<Principal | null> {
    const cached = this.cache.get(token);
    if (!cached || !this.feed) return null;
    if (cached.expiresAt <= Date.now() || cached.generation !== this.feed.keyGeneration()) {
      this.cache.delete(token);
      return null;
    }
    if (!(await this.feed.barrier())) return null;
    return cached.generation === this.feed.keyGeneration() ? cached.principal : null;
  }

  private remember(token: string, principal: Principal, generation: number | null): void {
    if (!this.feed || generation === null || generation !== this.feed.keyGeneration()) return;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(token, { principal, expiresAt: Date.now() + CACHE_TTL_MS, generation });
  }

  async revoke(id: string): Promise<boolean> {
    const revoked = await new ApiKeysRepository(this.dataSource).revoke(id);
    for (const [token, entry] of this.cache) if (entry.principal.keyId === id) this.cache.delete(token);
    return revoked;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return new ApiKeysRepository(this.dataSource).all();
  }

  /** Records use at a coarse resolution, off the request path. */
  private touch(id: string): void {
    const now = Date.now();
    if ((this.lastUsedWritten.get(id) ?? 0) + LAST_USED_RESOLUTION_MS > now) return;
    this.lastUsedWritten.set(id, now);
    new ApiKeysRepository(this.dataSource).touch(id).catch(() => undefined);
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
