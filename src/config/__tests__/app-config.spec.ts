import { ConfigError, loadConfig } from '../app-config.js';

test('defaults: embedded database, PostgreSQL queue, Asia/Shanghai, nightly at 02:00', () => {
  const config = loadConfig({});
  expect(config.database.mode).toBe('embedded');
  expect(config.queue.mode).toBe('postgres');
  expect(config.timeZone).toBe('Asia/Shanghai');
  expect(config.recompute.nightlyCron).toBe('0 2 * * *');
  expect(config.port).toBe(3000);
  expect(config.graphql.responseCacheBytes).toBe(64 * 1024 * 1024);
  expect(config.graphql).toMatchObject({ maxFields: 1000, maxTokens: 5000 });
});

test('GRAPHQL_RESPONSE_CACHE_BYTES=0 turns the response cache off', () => {
  expect(loadConfig({ GRAPHQL_RESPONSE_CACHE_BYTES: '0' }).graphql.responseCacheBytes).toBe(0);
});

test('DATABASE_URL and REDIS_URL switch to external services', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://cache:6379/2' });
  expect(config.database).toMatchObject({ mode: 'external', url: 'postgres://u@db:5432/x' });
  expect(config.queue).toMatchObject({ mode: 'redis', redisUrl: 'redis://cache:6379/2' });
});

test.each([
  ['PORT', 'abc', /PORT: "abc" is not an integer/],
  ['PORT', '70000', /PORT: 70000 is outside 0\.\.65535/],
  ['DATABASE_URL', 'mysql://x', /DATABASE_URL: protocol must be postgres: or postgresql:/],
  ['DATABASE_URL', 'not a url', /DATABASE_URL: not a valid URL/],
  ['REDIS_URL', 'http://x', /REDIS_URL: protocol must be redis: or rediss:/],
  ['TIME_ZONE', 'Mars/Olympus', /TIME_ZONE: "Mars\/Olympus" is not an IANA time zone/],
  ['WORKER', 'maybe', /WORKER: "maybe" is not one of embedded, off/],
  ['NIGHTLY_CRON', 'every night', /NIGHTLY_CRON: "every night" is not a 5-field cron expression/],
  ['DATABASE_MIGRATE', 'perhaps', /DATABASE_MIGRATE: "perhaps" is not a boolean/],
  ['GRAPHQL_RESPONSE_CACHE_BYTES', '-1', /GRAPHQL_RESPONSE_CACHE_BYTES: -1 is outside 0\.\.17179869184/],
  ['GRAPHQL_RESPONSE_CACHE_BYTES', '64MiB', /GRAPHQL_RESPONSE_CACHE_BYTES: "64MiB" is not an integer/],
  ['QUEUE_PREFIX', 'Bad-Prefix', /QUEUE_PREFIX: "Bad-Prefix" must match/],
  ['GRAPHQL_MAX_FIELDS', '0', /GRAPHQL_MAX_FIELDS: 0 is outside 10\.\.1000000/],
  ['GRAPHQL_MAX_TOKENS', 'lots', /GRAPHQL_MAX_TOKENS: "lots" is not an integer/],
])('%s=%s stops the boot with a message naming the variable', (name, value, message) => {
  expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  expect(() => loadConfig({ [name]: value })).toThrow(message);
});

test('every problem is reported at once', () => {
  try {
    loadConfig({ PORT: 'x', WORKER: 'y' });
    throw new Error('expected a ConfigError');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(2);
  }
});

test('the worker health port and the ADMIN key bootstrap are off unless set', () => {
  const config = loadConfig({});
  expect(config.worker.healthPort).toBe(0);
  expect(config.bootstrapAdmin).toEqual({ keyFile: null, regionCode: null, regionName: null });
  const set = loadConfig({ WORKER_HEALTH_PORT: '3001', BOOTSTRAP_ADMIN_KEY_FILE: '/run/secrets/k', BOOTSTRAP_ADMIN_REGION: '130000', BOOTSTRAP_ADMIN_REGION_NAME: '河北省' });
  expect(set.worker.healthPort).toBe(3001);
  expect(set.bootstrapAdmin).toEqual({ keyFile: '/run/secrets/k', regionCode: '130000', regionName: '河北省' });
});

test.each([
  [{ WORKER_HEALTH_PORT: '70000' }, /WORKER_HEALTH_PORT: 70000 is outside 0\.\.65535/],
  [{ BOOTSTRAP_ADMIN_KEY_FILE: '/run/secrets/k' }, /BOOTSTRAP_ADMIN_REGION: with BOOTSTRAP_ADMIN_KEY_FILE, the 6-digit region code .* got nothing/],
  [{ BOOTSTRAP_ADMIN_KEY_FILE: '/run/secrets/k', BOOTSTRAP_ADMIN_REGION: 'hebei' }, /BOOTSTRAP_ADMIN_REGION: .* got "hebei"/],
])('%o stops the boot with a message naming the variable', (env, message) => {
  expect(() => loadConfig(env)).toThrow(message);
});
