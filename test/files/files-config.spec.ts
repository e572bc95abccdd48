// FILES_* configuration: the local directory by default, S3 when any FILES_S3_* is set, and
// a clear message naming the variable when the S3 settings are incomplete.
import { ConfigError, loadConfig } from '../../src/config/app-config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

it('keeps files in .data/files by default, at most 20 MiB', () => {
  expect(loadConfig({}).files).toEqual({ maxBytes: 20 * 1024 * 1024, storage: { driver: 'local', dir: '.data/files' } });
  expect(loadConfig({ FILES_DIR: '/srv/files', FILES_MAX_BYTES: '1048576' }).files).toEqual({ maxBytes: 1048576, storage: { driver: 'local', dir: '/srv/files' } });
});

it('selects S3 when configured, path-style with an endpoint', () => {
  expect(loadConfig({ FILES_S3_ENDPOINT: 'http://minio:9000', FILES_S3_BUCKET: 'evidence', FILES_S3_ACCESS_KEY_ID: 'a', FILES_S3_SECRET_ACCESS_KEY: 'b' }).files.storage).toEqual({
    driver: 's3',
    endpoint: 'http://minio:9000',
    bucket: 'evidence',
    region: 'us-east-1',
    accessKeyId: 'a',
    secretAccessKey: 'b',
    forcePathStyle: true,
  });
  expect(loadConfig({ FILES_S3_BUCKET: 'evidence', FILES_S3_REGION: 'cn-north-1' }).files.storage).toMatchObject({ endpoint: null, region: 'cn-north-1', forcePathStyle: false, accessKeyId: null });
});

it.each([
  [{ FILES_S3_ENDPOINT: 'http://minio:9000' }, /^FILES_S3_BUCKET: required when any FILES_S3_\* variable is set/],
  [{ FILES_S3_BUCKET: 'Evidence_Files' }, /^FILES_S3_BUCKET: "Evidence_Files" is not a valid bucket name/],
  [{ FILES_S3_BUCKET: 'evidence', FILES_S3_ACCESS_KEY_ID: 'a' }, /^FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY: set both, or neither/],
  [{ FILES_S3_BUCKET: 'evidence', FILES_S3_ENDPOINT: 'ftp://x' }, /^FILES_S3_ENDPOINT: protocol must be http: or https:/],
  [{ FILES_S3_BUCKET: 'evidence', FILES_S3_FORCE_PATH_STYLE: 'maybe' }, /^FILES_S3_FORCE_PATH_STYLE: "maybe" is not a boolean/],
  [{ FILES_MAX_BYTES: '10' }, /^FILES_MAX_BYTES: 10 is outside/],
])('refuses %j', (env, message) => {
  expect(problems(env)).toEqual([expect.stringMatching(message)]);
});
