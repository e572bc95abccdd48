// The same behaviour from both blob stores: the local directory and an S3-compatible bucket
// (s3rver, an S3-protocol server started on this machine).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig } from '../../src/config/app-config.js';
import { BlobMissingError, type BlobStore } from '../../src/files/blob-store.js';
import { LocalBlobStore } from '../../src/files/local-blob-store.js';
import { S3BlobStore, type S3StorageConfig } from '../../src/files/s3-blob-store.js';
import { sha256 } from './samples.js';
import { startLocalS3, type LocalS3 } from './s3-server.js';

let s3: LocalS3;
let scratch: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  scratch = await mkdtemp(path.join(tmpdir(), 'sst-blobs-'));
});

afterAll(async () => {
  await s3.stop();
  await rm(scratch, { recursive: true, force: true });
});

function s3Config(bucket: string): S3StorageConfig {
  const storage = loadConfig({ ...s3.env(bucket) }).files.storage;
  if (storage.driver !== 's3') throw new Error('expected the S3 driver');
  return storage;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function tempFile(bytes: Buffer): Promise<string> {
  const file = path.join(scratch, `src-${randomBytes(6).toString('hex')}`);
  await writeFile(file, bytes);
  return file;
}

const STORES: [string, () => Promise<BlobStore>][] = [
  ['local directory', async () => new LocalBlobStore(await mkdtemp(path.join(scratch, 'local-')))],
  ['S3 bucket (s3rver)', async () => new S3BlobStore(s3Config(`evidence-${randomBytes(4).toString('hex')}`))],
];

describe.each(STORES)('%s', (_name, make) => {
  let store: BlobStore;

  beforeAll(async () => {
    store = await make();
    await store.init();
    // A second start finds everything in place.
    await store.init();
  });

  afterAll(() => {
    if (store instanceof S3BlobStore) store.close();
  });

  it('stores bytes from a file under their sha256, once', async () => {
    const bytes = randomBytes(300_000);
    const key = sha256(bytes);
    expect(await store.has(key)).toBe(false);
    expect(await store.put(key, await tempFile(bytes), bytes.length)).toBe(true);
    expect(await store.has(key)).toBe(true);
    expect((await readAll(await store.get(key))).equals(bytes)).toBe(true);
    // The same bytes again: nothing written.
    expect(await store.put(key, await tempFile(bytes), bytes.length)).toBe(false);
  });

  it('stores bytes from a stream', async () => {
    const bytes = Buffer.from('流式写入的证明材料');
    const key = sha256(bytes);
    expect(await store.put(key, Readable.from([bytes]), bytes.length)).toBe(true);
    expect((await readAll(await store.get(key))).toString()).toBe('流式写入的证明材料');
  });

  it('deletes, and a missing blob is a BlobMissingError on get and nothing on delete', async () => {
    const bytes = randomBytes(1000);
    const key = sha256(bytes);
    await store.put(key, await tempFile(bytes), bytes.length);
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobMissingError);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses a key that is not a sha256 (never a path)', async () => {
    await expect(store.has('../../etc/passwd')).rejects.toThrow(/not a sha256/);
    await expect(store.get('ABC')).rejects.toThrow(/not a sha256/);
  });
});

describe('local layout', () => {
  it('keeps blobs in ab/cd/<sha256> and leaves nothing in .incoming', async () => {
    const root = await mkdtemp(path.join(scratch, 'layout-'));
    const store = new LocalBlobStore(root);
    await store.init();
    const bytes = Buffer.from('layout');
    const key = sha256(bytes);
    await store.put(key, await tempFile(bytes), bytes.length);
    expect((await stat(path.join(root, key.slice(0, 2), key.slice(2, 4), key))).size).toBe(bytes.length);
    expect(await readdir(store.incomingDir)).toEqual([]);
  });

  it('says which setting is wrong when the directory cannot be created', async () => {
    const file = await tempFile(Buffer.from('x'));
    await expect(new LocalBlobStore(path.join(file, 'files')).init()).rejects.toThrow(/^FILES_DIR: cannot create/);
  });
});

describe('S3 start', () => {
  it('creates a missing bucket, and names the setting when the server cannot be reached', async () => {
    const bucket = `fresh-${randomBytes(4).toString('hex')}`;
    const fresh = new S3BlobStore(s3Config(bucket));
    await fresh.init();
    expect(await fresh.has(sha256(Buffer.from('none')))).toBe(false);
    fresh.close();
    const unreachable = new S3BlobStore({ ...s3Config(bucket), endpoint: 'http://127.0.0.1:9' });
    await expect(unreachable.init()).rejects.toThrow(/^FILES_S3_\*: cannot reach the evidence file bucket/);
    unreachable.close();
  });
});
