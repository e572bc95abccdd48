// Configuration comes from the environment only, validated once at boot into a typed,
// frozen object. A bad value stops the process with a message naming the variable.

export type DatabaseMode = 'external' | 'embedded';
export type QueueMode = 'redis' | 'postgres';
export type WorkerMode = 'embedded' | 'off';

export interface AppConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly host: string;
  readonly timeZone: string;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  readonly database: {
    readonly mode: DatabaseMode;
    /** Set when mode is 'external'; the embedded database's URL is known only once it runs. */
    readonly url: string | null;
    readonly poolSize: number;
    readonly embedded: { readonly dataDir: string; readonly port: number };
    readonly runMigrations: boolean;
    /** Fill an empty embedded database with a generated demo province. */
    readonly demoStations: number;
  };
  readonly queue: {
    readonly mode: QueueMode;
    readonly redisUrl: string | null;
    /** Redis key prefix (Redis) or schema (PostgreSQL) that namespaces every queue. */
    readonly prefix: string;
  };
  readonly worker: {
    readonly mode: WorkerMode;
    readonly concurrency: number;
    /** How long a job's lock lasts without renewal; a dead worker's job is retried after it. */
    readonly lockMs: number;
    /** Port of the separate worker's health endpoint (`npm run start:worker`); 0: none. */
    readonly healthPort: number;
  };
  readonly recompute: {
    /** Cron expression evaluated in `timeZone`. */
    readonly nightlyCron: string;
    /** How often a worker checks that the nightly schedule is in the queue (and declares it again). */
    readonly nightlyCheckMs: number;
    readonly debounceMs: number;
    readonly chunkSize: number;
    readonly outboxPollMs: number;
  };
  readonly http: {
    readonly bodyLimitBytes: number;
    readonly maxBatchRows: number;
  };
  /** A first ADMIN key registered at start when none exists (containers' first start). */
  readonly bootstrapAdmin: {
    /** A file holding the key (a secret); null: nothing to bootstrap. */
    readonly keyFile: string | null;
    /** The region the key row names (ADMIN keys reach everything; the row needs one). */
    readonly regionCode: string | null;
    /** Its name, to load the region when it is not loaded yet. */
    readonly regionName: string | null;
  };
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxComplexity: number;
    /** Selections of an operation (fields, aliases, fragments), fragments counted at every spread. */
    readonly maxFields: number;
    /** Lexical tokens of a query document (the parser stops past them). */
    readonly maxTokens: number;
    /** Bound of the whole-response cache of GraphQL queries; 0 turns it off. */
    readonly responseCacheBytes: number;
    /** Region-wide cached answers (lists, rankings, summaries) are refreshed at most this often under writes to stations. */
    readonly responseCacheRefreshMs: number;
    /** Repeated queries run as code compiled by graphql-jit (src/dashboard/jit-execution.ts). */
    readonly jit: boolean;
  };
  /** Evidence files (POST /api/v1/files). */
  readonly files: FilesConfig;
}

/** Where evidence files are kept: a local content-addressed directory, or an S3-compatible bucket. */
export type FilesStorageConfig =
  | { readonly driver: 'local'; readonly dir: string }
  | {
      readonly driver: 's3';
      /** null: the AWS endpoint of the region. */
      readonly endpoint: string | null;
      readonly bucket: string;
      readonly region: string;
      /** Both null: the SDK's default credential chain (instance role, AWS_* variables). */
      readonly accessKeyId: string | null;
      readonly secretAccessKey: string | null;
      readonly forcePathStyle: boolean;
    };

export interface FilesConfig {
  /** Largest accepted upload (413 beyond). */
  readonly maxBytes: number;
  readonly storage: FilesStorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  optional(name: string): string | null {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? null : raw;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw.trim())) {
      this.problems.push(`${name}: "${raw}" is not an integer`);
      return fallback;
    }
    const n = Number(raw);
    if (n < min || n > max) this.problems.push(`${name}: ${n} is outside ${min}..${max}`);
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    this.problems.push(`${name}: "${raw}" is not a boolean (true/false)`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: "${raw}" is not one of ${allowed.join(', ')}`);
    return fallback;
  }

  url(name: string, protocols: readonly string[]): string | null {
    const raw = this.optional(name);
    if (raw === null) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name}: protocol must be ${protocols.join(' or ')}, got ${parsed.protocol}`);
      }
    } catch {
      this.problems.push(`${name}: not a valid URL`);
    }
    return raw;
  }

  timeZone(name: string, fallback: string): string {
    const tz = this.string(name, fallback);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      this.problems.push(`${name}: "${tz}" is not an IANA time zone`);
      return fallback;
    }
    return tz;
  }

  cron(name: string, fallback: string): string {
    const value = this.string(name, fallback);
    const fields = value.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => /^[\d*,/-]+$/.test(f))) {
      this.problems.push(`${name}: "${value}" is not a 5-field cron expression`);
      return fallback;
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const databaseUrl = r.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = r.url('REDIS_URL', ['redis:', 'rediss:']);
  const config: AppConfig = {
    nodeEnv: r.string('NODE_ENV', 'development'),
    port: r.int('PORT', 3000, 0, 65535),
    host: r.string('HOST', '0.0.0.0'),
    timeZone: r.timeZone('TIME_ZONE', 'Asia/Shanghai'),
    logLevel: r.oneOf('LOG_LEVEL', 'log', ['error', 'warn', 'log', 'debug', 'verbose'] as const),
    database: {
      mode: databaseUrl ? 'external' : 'embedded',
      url: databaseUrl,
      poolSize: r.int('DATABASE_POOL_SIZE', 10, 1, 200),
      embedded: {
        dataDir: r.string('EMBEDDED_PG_DIR', '.data/pg'),
        port: r.int('EMBEDDED_PG_PORT', 54329, 1024, 65535),
      },
      runMigrations: r.bool('DATABASE_MIGRATE', true),
      demoStations: r.int('DEMO_STATIONS', 120, 0, 100_000),
    },
    queue: {
      mode: redisUrl ? 'redis' : 'postgres',
      redisUrl,
      prefix: r.string('QUEUE_PREFIX', 'scorecard'),
    },
    worker: {
      mode: r.oneOf('WORKER', 'embedded', ['embedded', 'off'] as const),
      concurrency: r.int('WORKER_CONCURRENCY', 2, 1, 64),
      lockMs: r.int('WORKER_LOCK_MS', 30_000, 500, 600_000),
      healthPort: r.int('WORKER_HEALTH_PORT', 0, 0, 65535),
    },
    recompute: {
      nightlyCron: r.cron('NIGHTLY_CRON', '0 2 * * *'),
      nightlyCheckMs: r.int('NIGHTLY_CHECK_MS', 30_000, 100, 3_600_000),
      debounceMs: r.int('RECOMPUTE_DEBOUNCE_MS', 200, 0, 60_000),
      chunkSize: r.int('RECOMPUTE_CHUNK_SIZE', 250, 1, 10_000),
      outboxPollMs: r.int('OUTBOX_POLL_MS', 200, 10, 60_000),
    },
    http: {
      bodyLimitBytes: r.int('HTTP_BODY_LIMIT_BYTES', 8 * 1024 * 1024, 1024, 512 * 1024 * 1024),
      maxBatchRows: r.int('MAX_BATCH_ROWS', 5000, 1, 100_000),
    },
    bootstrapAdmin: {
      keyFile: r.optional('BOOTSTRAP_ADMIN_KEY_FILE'),
      regionCode: r.optional('BOOTSTRAP_ADMIN_REGION'),
      regionName: r.optional('BOOTSTRAP_ADMIN_REGION_NAME'),
    },
    graphql: {
      maxDepth: r.int('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity: r.int('GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
      maxFields: r.int('GRAPHQL_MAX_FIELDS', 1000, 10, 1_000_000),
      maxTokens: r.int('GRAPHQL_MAX_TOKENS', 5000, 100, 10_000_000),
      responseCacheBytes: r.int('GRAPHQL_RESPONSE_CACHE_BYTES', 64 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
      responseCacheRefreshMs: r.int('GRAPHQL_RESPONSE_CACHE_REFRESH_MS', 2000, 0, 60_000),
      jit: r.bool('GRAPHQL_JIT', true),
    },
    files: {
      maxBytes: r.int('FILES_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      storage: filesStorage(r, env),
    },
  };
  if (config.queue.prefix && !/^[a-z][a-z0-9_]{0,40}$/.test(config.queue.prefix)) {
    r.problems.push(`QUEUE_PREFIX: "${config.queue.prefix}" must match [a-z][a-z0-9_]{0,40} (it names a schema on PostgreSQL)`);
  }
  const bootstrap = config.bootstrapAdmin;
  if (bootstrap.keyFile !== null && (bootstrap.regionCode === null || !/^(?!00)\d{6}$/.test(bootstrap.regionCode))) {
    r.problems.push(`BOOTSTRAP_ADMIN_REGION: with BOOTSTRAP_ADMIN_KEY_FILE, the 6-digit region code the ADMIN key is registered under (e.g. 130000), got ${bootstrap.regionCode === null ? 'nothing' : `"${bootstrap.regionCode}"`}`);
  }
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return Object.freeze(config);
}

const S3_VARIABLES = ['FILES_S3_ENDPOINT', 'FILES_S3_BUCKET', 'FILES_S3_REGION', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY', 'FILES_S3_FORCE_PATH_STYLE'];

/** Any FILES_S3_* variable selects the S3 driver, which then needs a bucket (and both keys or neither). */
function filesStorage(r: Reader, env: Env): FilesStorageConfig {
  if (!S3_VARIABLES.some((name) => env[name] !== undefined && env[name] !== '')) return { driver: 'local', dir: r.string('FILES_DIR', '.data/files') };
  const endpoint = r.url('FILES_S3_ENDPOINT', ['http:', 'https:']);
  const bucket = r.optional('FILES_S3_BUCKET');
  if (bucket === null) r.problems.push('FILES_S3_BUCKET: required when any FILES_S3_* variable is set (the bucket evidence files are stored in)');
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) r.problems.push(`FILES_S3_BUCKET: "${bucket}" is not a valid bucket name (3-63 of a-z 0-9 . -)`);
  const accessKeyId = r.optional('FILES_S3_ACCESS_KEY_ID');
  const secretAccessKey = r.optional('FILES_S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    r.problems.push('FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY: set both, or neither (to use the default AWS credential chain)');
  }
  return {
    driver: 's3',
    endpoint,
    bucket: bucket ?? '',
    region: r.string('FILES_S3_REGION', 'us-east-1'),
    accessKeyId,
    secretAccessKey,
    // MinIO and most self-hosted stores answer on path-style URLs only.
    forcePathStyle: r.bool('FILES_S3_FORCE_PATH_STYLE', endpoint !== null),
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
