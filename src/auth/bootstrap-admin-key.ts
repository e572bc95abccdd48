// A first ADMIN key for a fresh deployment (compose, Kubernetes): BOOTSTRAP_ADMIN_KEY_FILE
// names a file (a mounted secret) whose first line is a key the operator made; the API
// registers it at start when no active ADMIN key exists. Only its hash is stored, as for
// every key. Several API replicas may start at once: the key's unique prefix makes the
// registration happen once.
import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { RegionsService } from '../regions/regions.service.js';
import { API_KEY_FORMAT, API_KEY_PATTERN } from './api-key-format.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeysRepository } from './api-keys.repository.js';

export type BootstrapOutcome = 'registered' | 'admin-exists' | 'already-registered';

/** A bad file or setting: the service refuses to start, naming the variable. */
export class BootstrapAdminKeyError extends Error {
  override name = 'BootstrapAdminKeyError';
}

export async function bootstrapAdminKey(app: INestApplicationContext, settings: AppConfig['bootstrapAdmin']): Promise<BootstrapOutcome | null> {
  if (settings.keyFile === null || settings.regionCode === null) return null;
  // The file is read only when it is needed: it may be gone once the deployment has keys.
  const keys = new ApiKeysRepository(app.get(DataSource));
  if ((await keys.activeAdmins()) > 0) return 'admin-exists';
  const key = await readKey(settings.keyFile);
  // The same prefix is this key, registered before and revoked since: it never comes back.
  if (await keys.prefixTaken(API_KEY_PATTERN.exec(key)![1])) return 'already-registered';
  await ensureRegion(app, settings.regionCode, settings.regionName);
  try {
    await app.get(ApiKeyService).register('ADMIN', settings.regionCode, key, 'bootstrap (BOOTSTRAP_ADMIN_KEY_FILE)');
  } catch (error) {
    // Another replica registered it a moment ago.
    if ((error as { code?: string }).code === '23505' || (error as { driverError?: { code?: string } }).driverError?.code === '23505') return 'already-registered';
    throw error;
  }
  return 'registered';
}

async function readKey(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BootstrapAdminKeyError(`BOOTSTRAP_ADMIN_KEY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (line === undefined || !API_KEY_PATTERN.test(line)) {
    throw new BootstrapAdminKeyError(`BOOTSTRAP_ADMIN_KEY_FILE: the first line of ${file} must be an API key ${API_KEY_FORMAT}`);
  }
  return line;
}

async function ensureRegion(app: INestApplicationContext, code: string, name: string | null): Promise<void> {
  if (await new RegionsRepository(app.get(DataSource)).exists(code)) return;
  if (name === null) throw new BootstrapAdminKeyError(`BOOTSTRAP_ADMIN_REGION: region ${code} is not loaded; set BOOTSTRAP_ADMIN_REGION_NAME to load it`);
  await app.get(RegionsService).ensureChain(code, name);
}

/** The start-up log line of each outcome. */
export const BOOTSTRAP_OUTCOMES: Record<BootstrapOutcome, string> = {
  registered: 'registered the ADMIN key of BOOTSTRAP_ADMIN_KEY_FILE (only its hash is stored)',
  'admin-exists': 'an active ADMIN key exists: BOOTSTRAP_ADMIN_KEY_FILE is not needed any more',
  'already-registered': 'the key of BOOTSTRAP_ADMIN_KEY_FILE was registered before and revoked since: not registering it again',
};
