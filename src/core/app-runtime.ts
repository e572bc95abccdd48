import type { AppConfig } from '../config/app-config.js';

/** What the process resolved before Nest starts: the configuration and the live database. */
export interface AppRuntime {
  config: AppConfig;
  databaseUrl: string;
  databaseEmbedded: boolean;
  /** Run the recompute worker (and relay, scheduler) inside this process. */
  runWorker: boolean;
  /** Write schema.gql on start (development); tests keep it in memory. */
  emitSchemaFile: boolean;
}

export const APP_RUNTIME = Symbol('APP_RUNTIME');
