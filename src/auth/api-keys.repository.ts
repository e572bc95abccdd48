// The api_key table: keys as entities, revocation, last use, what the bootstrap checks.
// Only a key's secret hash is stored.
import type { DeepPartial } from 'typeorm';
import type { EntityStore } from '../database/queryable.js';
import { ApiKeyRecord } from './api-key.entity.js';

export class ApiKeysRepository {
  constructor(private readonly db: EntityStore) {}

  insert(key: DeepPartial<ApiKeyRecord>): Promise<ApiKeyRecord> {
    return this.db.getRepository(ApiKeyRecord).save(key);
  }

  /** What verifying a key needs of the key with this prefix. */
  byPrefix(prefix: string): Promise<Pick<ApiKeyRecord, 'id' | 'secretHash' | 'role' | 'regionCode' | 'revokedAt'> | null> {
    return this.db.getRepository(ApiKeyRecord).findOne({ where: { prefix }, select: { id: true, secretHash: true, role: true, regionCode: true, revokedAt: true } });
  }

  /** Every key, oldest first. */
  all(): Promise<ApiKeyRecord[]> {
    return this.db.getRepository(ApiKeyRecord).find({ order: { createdAt: 'ASC' } });
  }

  /** Revokes a live key; false when there is none with that id. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.db.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
    return (result as [unknown, number])[1] > 0;
  }

  touch(id: string): Promise<unknown> {
    return this.db.query('UPDATE api_key SET last_used_at = now() WHERE id = $1', [id]);
  }

  async activeAdmins(): Promise<number> {
    const [{ admins }] = await this.db.query<{ admins: number }[]>(`SELECT count(*)::int AS admins FROM api_key WHERE role = 'ADMIN' AND revoked_at IS NULL`);
    return admins;
  }

  /** Whether a key with this prefix was ever registered (revoked ones included). */
  async prefixTaken(prefix: string): Promise<boolean> {
    const same = await this.db.query<unknown[]>(`SELECT 1 FROM api_key WHERE prefix = $1`, [prefix]);
    return same.length > 0;
  }
}
