import type { AppConfig } from '../config/app-config.js';
import { EmbeddedDatabase } from './embedded-postgres.js';

export const EMBEDDED_DATABASE_NAME = 'station_scorecard';

export interface DatabaseRuntime {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The configured database, or the embedded one started on demand when none is configured. */
export async function startDatabase(config: AppConfig, log: (line: string) => void = () => undefined): Promise<DatabaseRuntime> {
  if (config.database.mode === 'external' && config.database.url) {
    return { url: config.database.url, embedded: false, stop: async () => undefined };
  }
  const embedded = new EmbeddedDatabase({
    dataDir: config.database.embedded.dataDir,
    port: config.database.embedded.port,
    database: EMBEDDED_DATABASE_NAME,
    log,
  });
  const url = await embedded.start();
  return { url, embedded: true, stop: () => embedded.stop() };
}
