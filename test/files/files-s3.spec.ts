// The whole upload, download and delete path with the S3 driver, against s3rver (an
// S3-protocol server started on this machine); the bucket is created at start.
import { randomBytes } from 'node:crypto';
import { FileAttachments } from '../../src/files/file-attachments.js';
import { S3BlobStore } from '../../src/files/s3-blob-store.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pdf, png, sha256 } from './samples.js';
import { startLocalS3, type LocalS3 } from './s3-server.js';

let s3: LocalS3;
let t: TestApp;
let store: S3BlobStore;
let key: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  const bucket = `evidence-${randomBytes(4).toString('hex')}`;
  t = await createTestApp({ env: s3.env(bucket) });
  const storage = t.config.files.storage;
  if (storage.driver !== 's3') throw new Error('expected the S3 driver');
  store = new S3BlobStore(storage);
  key = await t.apiKey('COUNTY', '130102');
});

let s3Stopped = false;

afterAll(async () => {
  store.close();
  await t.close();
  if (!s3Stopped) await s3.stop();
});

const upload = (bytes: Buffer, name: string) => t.http().post('/api/v1/files').set('authorization', `Bearer ${key}`).attach('file', bytes, name);

it('stores uploads in the bucket once per sha256, serves them back and removes them with the last upload', async () => {
  const bytes = pdf('s3 evidence');
  const first = await upload(bytes, '第一份.pdf');
  const second = await upload(bytes, 'second.pdf');
  expect([first.status, second.status]).toEqual([201, 201]);
  expect(second.body.sha256).toBe(sha256(bytes));
  expect(await store.has(sha256(bytes))).toBe(true);

  const download = await t.http().get(`/api/v1/files/${first.body.id}`).set('authorization', `Bearer ${key}`).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  expect(download.status).toBe(200);
  expect(download.headers['content-type']).toBe('application/pdf');
  expect(download.headers['content-length']).toBe(String(bytes.length));
  expect((download.body as Buffer).equals(bytes)).toBe(true);

  expect((await t.http().delete(`/api/v1/files/${first.body.id}`).set('authorization', `Bearer ${key}`)).status).toBe(200);
  expect(await store.has(sha256(bytes))).toBe(true);
  expect((await t.http().delete(`/api/v1/files/${second.body.id}`).set('authorization', `Bearer ${key}`)).status).toBe(200);
  expect(await store.has(sha256(bytes))).toBe(false);
});

it('refuses the delete of an attached file and keeps its object', async () => {
  const bytes = png();
  const { body: file } = await upload(bytes, 'attached.png');
  await t.dataSource.query(`INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
    VALUES ('130102009', '所', '130102', '130100', '130000', 1, true, true, true, 'x')`);
  await t.dataSource.transaction((m) => t.app.get(FileAttachments).replace(m, { kind: 'INSPECTION', id: '00000000-0000-4000-8000-000000000001', stationCode: '130102009' }, [file.id]));
  const res = await t.http().delete(`/api/v1/files/${file.id}`).set('authorization', `Bearer ${key}`);
  expect(res.status).toBe(409);
  expect(await store.has(file.sha256)).toBe(true);
});

it('refuses more than the limit with 413 and puts nothing in the bucket', async () => {
  const bytes = Buffer.alloc(t.config.files.maxBytes + 1, 0x20);
  bytes.write('%PDF-1.4\n');
  const res = await upload(bytes, 'big.pdf');
  expect(res.status).toBe(413);
  expect(await store.has(sha256(bytes))).toBe(false);
});

it('answers 503 while the store cannot be reached, and still deletes a file (its blob left behind)', async () => {
  const { body: kept } = await upload(pdf('before the outage'), 'kept.pdf');
  await s3.stop();
  s3Stopped = true;
  const refused = await upload(pdf('during the outage'), 'lost.pdf');
  expect(refused.status).toBe(503);
  expect(refused.body.error.message).toBe('the file store could not store the file; nothing was changed: retry the request');
  expect(t.logs.find('warn', /could not store the file \(s3 store\)/)).not.toHaveLength(0);
  const [{ n }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object WHERE original_name = 'lost.pdf'`);
  expect(n).toBe(0);
  const read = await t.http().get(`/api/v1/files/${kept.id}`).set('authorization', `Bearer ${key}`);
  expect(read.status).toBe(503);
  const removed = await t.http().delete(`/api/v1/files/${kept.id}`).set('authorization', `Bearer ${key}`);
  expect(removed.status).toBe(200);
  expect(t.logs.find('warn', new RegExp(`blob ${kept.sha256} left in the s3 store`))).toHaveLength(1);
});
