// POST/GET/DELETE /api/v1/files through the whole application, with the local store.
import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FileAttachments } from '../../src/files/file-attachments.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { docx, jpeg, ofd, otherZip, pdf, pdfOfSize, png, sha256, xlsx } from './samples.js';

let t: TestApp;
let filesDir: string;
const keys: Record<'county' | 'otherCounty' | 'province' | 'otherProvince' | 'admin', string> = { county: '', otherCounty: '', province: '', otherProvince: '', admin: '' };
const STATION = '130102001';
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  const storage = t.config.files.storage;
  if (storage.driver !== 'local') throw new Error('expected the local store');
  filesDir = storage.dir;
  keys.county = await t.apiKey('COUNTY', '130102');
  keys.otherCounty = await t.apiKey('COUNTY', '130104');
  keys.province = await t.apiKey('PROVINCE', '130000');
  keys.otherProvince = await t.apiKey('PROVINCE', '140000');
  keys.admin = await t.apiKey('ADMIN', '130000');
  await t.dataSource.query(`INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
    VALUES ($1, '长安所', '130102', '130100', '130000', 10, true, true, true, 'x')`, [STATION]);
});

afterAll(async () => {
  await t.close();
});

const auth = (key: string) => `Bearer ${key}`;

function upload(bytes: Buffer, name: string, key = keys.county) {
  return t.http().post('/api/v1/files').set('authorization', auth(key)).attach('file', bytes, { filename: name, contentType: 'application/octet-stream' });
}

/** Every blob under the store's root (not the .incoming directory). */
async function blobs(): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(filesDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !path.relative(filesDir, entry.parentPath).startsWith('.incoming')) found.push(entry.name);
  }
  return found.sort();
}

async function incoming(): Promise<string[]> {
  return readdir(path.join(filesDir, '.incoming')).catch(() => []);
}

async function attach(fileId: string, stationCode = STATION): Promise<void> {
  const attachments = t.app.get(FileAttachments);
  await t.dataSource.transaction((m) => attachments.replace(m, { kind: 'APPLICATION', id: randomUUID(), stationCode }, [fileId]));
}

describe('upload', () => {
  it.each([
    ['PDF', 'application/pdf', async () => pdf(), '申请书.pdf'],
    ['JPEG', 'image/jpeg', async () => jpeg(), 'photo.jpg'],
    ['PNG', 'image/png', async () => png(), 'scan.png'],
    ['OFD', 'application/ofd', ofd, '盖章证明.ofd'],
    ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx, 'report.docx'],
    ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx, 'table.xlsx'],
    // The name says nothing: a PDF called .png is a PDF.
    ['PDF named .png', 'application/pdf', async () => pdf('renamed'), 'looks-like.png'],
  ])('accepts %s, recognised by content', async (_what, contentType, make, name) => {
    const bytes = await make();
    const res = await upload(bytes, name);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), sha256: sha256(bytes), size: bytes.length, contentType, name });
  });

  it.each([
    ['a text file renamed .pdf', async () => Buffer.from('just some notes\n'), 'notes.pdf', /the file is text/],
    ['a ZIP that is no document', otherZip, 'archive.docx', /a ZIP archive that is neither/],
    ['a GIF', async () => Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image.png', /a GIF image/],
    ['random bytes', async () => Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10]), 'x.jpg', /unrecognised binary content \(first bytes 000102feff10\)/],
  ])('refuses %s with 415 naming what was found, storing nothing', async (_what, make, name, message) => {
    const before = await blobs();
    const res = await upload(await make(), name);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(message) });
    expect(await blobs()).toEqual(before);
    expect(await incoming()).toEqual([]);
  });

  it('accepts exactly the limit and refuses one byte more with 413, leaving no row, blob or temporary file', async () => {
    const [{ n: rowsBefore }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object`);
    const blobsBefore = await blobs();
    const over = await upload(pdfOfSize(20 * MiB + 1), 'big.pdf');
    expect(over.status).toBe(413);
    expect(over.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('20971520 bytes (20 MiB)') });
    const [{ n: rowsAfter }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object`);
    expect(rowsAfter).toBe(rowsBefore);
    expect(await blobs()).toEqual(blobsBefore);
    expect(await incoming()).toEqual([]);
    const exact = await upload(pdfOfSize(20 * MiB), 'exact.pdf');
    expect(exact.status).toBe(201);
    expect(exact.body.size).toBe(20 * MiB);
  });

  it('stores the same bytes once: two uploads, two ids, one blob, the second writes nothing', async () => {
    const bytes = pdf(`dedupe ${randomUUID()}`);
    const first = await upload(bytes, 'a.pdf');
    const blob = path.join(filesDir, first.body.sha256.slice(0, 2), first.body.sha256.slice(2, 4), first.body.sha256);
    const before = await stat(blob);
    const second = await upload(bytes, 'b.pdf', keys.otherCounty);
    expect(second.status).toBe(201);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await blobs()).filter((name) => name === first.body.sha256)).toHaveLength(1);
    const after = await stat(blob);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('stores one blob for the same bytes uploaded concurrently', async () => {
    const bytes = pdf(`concurrent ${randomUUID()}`);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(bytes, `same-${i}.pdf`)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(6);
    expect((await blobs()).filter((name) => name === sha256(bytes))).toHaveLength(1);
    expect(await incoming()).toEqual([]);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const [{ n: before }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object`);
    const blobsBefore = await blobs();
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/files',
        headers: { authorization: auth(keys.county), 'content-type': 'multipart/form-data; boundary=B', 'content-length': String(5 * MiB) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(`--B\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\n\r\n%PDF-1.4\n`);
      req.write(Buffer.alloc(MiB, 0x20), () => setTimeout(() => req.destroy(), 100));
    });
    // The server notices the closed connection, fails the upload and removes its temporary file.
    for (let i = 0; i < 50 && (await incoming()).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await incoming()).toEqual([]);
    expect(await blobs()).toEqual(blobsBefore);
    const [{ n: after }] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM file_object`);
    expect(after).toBe(before);
  });

  it('audits an upload', async () => {
    const res = await upload(pdf('audited'), 'audited.pdf');
    const rows = await t.dataSource.query(`SELECT action, entity, after_digest, detail FROM audit_log WHERE entity_key = $1`, [res.body.id]);
    expect(rows).toEqual([{ action: 'file.upload', entity: 'file', after_digest: res.body.sha256, detail: { change: 'created', name: 'audited.pdf', size: res.body.size, contentType: 'application/pdf' } }]);
  });

  describe('bad requests (400 naming the part, nothing stored)', () => {
    const post = () => t.http().post('/api/v1/files').set('authorization', auth(keys.county));

    it.each([
      ['no part named file', () => post().field('other', 'x'), [{ path: 'other' }, { path: 'file' }]],
      ['a file part under another name', () => post().attach('upload', pdf(), 'a.pdf'), [{ path: 'upload' }, { path: 'file' }]],
      ['an extra field', () => post().attach('file', pdf(), 'a.pdf').field('note', 'x'), [{ path: 'note' }]],
      ['two files', () => post().attach('file', pdf(), 'a.pdf').attach('file', png(), 'b.png'), [{ path: 'file', reason: expect.stringContaining('only one file') }]],
      ['file sent as a text field', () => post().field('file', 'abc'), [{ path: 'file', reason: expect.stringContaining('must be a file part') }, { path: 'file' }]],
      ['an empty file', () => post().attach('file', Buffer.alloc(0), 'empty.pdf'), [{ path: 'file', reason: 'the file is empty' }]],
      ['a name with a control character', () => post().attach('file', pdf(), 'bad\u0007name.pdf'), [{ path: 'file.filename', reason: 'must not contain control characters' }]],
      ['a name with a bidi override', () => post().attach('file', pdf(), 'evil\u202Efdp.exe'), [{ path: 'file.filename', reason: expect.stringContaining('invisible') }]],
    ])('%s', async (_what, send, problems) => {
      const before = await blobs();
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_USER_INPUT');
      expect(res.body.error.problems).toEqual(problems.map((p) => expect.objectContaining(p)));
      expect(await blobs()).toEqual(before);
      expect(await incoming()).toEqual([]);
    });

    it('refuses JSON and bodiless requests with 415', async () => {
      const json = await post().send({ file: 'x' });
      expect(json.status).toBe(415);
      expect(json.body.error.message).toBe('Content-Type must be multipart/form-data, not application/json');
      const none = await post();
      expect(none.status).toBe(415);
    });

    it('needs an API key', async () => {
      const res = await t.http().post('/api/v1/files').attach('file', pdf(), 'a.pdf');
      expect(res.status).toBe(401);
    });
  });
});

describe('download', () => {
  it('answers the bytes with type, length, ETag and the Chinese name in Content-Disposition', async () => {
    const bytes = await docx();
    const name = '2025年市场准入 业务指导记录.docx';
    const { body: file } = await upload(bytes, name);
    const res = await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(keys.county)).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers['etag']).toBe(`"${sha256(bytes)}"`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="file-${file.id.slice(0, 8)}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((res.body as Buffer).equals(bytes)).toBe(true);
  });

  it('keeps an ASCII name as the fallback, and answers 304 to a matching If-None-Match', async () => {
    const { body: file } = await upload(png(), 'site "photo" 1.png');
    // The client sends the quotes as %22 (as browsers do); the name keeps the quotes.
    expect(file.name).toBe('site "photo" 1.png');
    const res = await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(keys.county));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="site _photo_ 1.png"; filename*=UTF-8''site%20%22photo%22%201.png`);
    const cached = await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(keys.county)).set('if-none-match', `"${file.sha256}"`);
    expect(cached.status).toBe(304);
  });

  it('is scoped: the uploader and ADMIN; after attaching to a station, keys that may read that station; 404 for the rest', async () => {
    const { body: file } = await upload(pdf(`scoped ${randomUUID()}`), '证明.pdf');
    const status = async (key: string) => (await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(key))).status;
    expect(await status(keys.county)).toBe(200);
    expect(await status(keys.admin)).toBe(200);
    expect(await status(keys.otherCounty)).toBe(404);
    expect(await status(keys.province)).toBe(404);
    await attach(file.id);
    expect(await status(keys.province)).toBe(200);
    expect(await status(keys.otherProvince)).toBe(404);
    expect(await status(keys.otherCounty)).toBe(404);
    // A file that does not exist answers exactly like one the key may not read.
    const hidden = await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(keys.otherCounty));
    const missing = await t.http().get(`/api/v1/files/${randomUUID()}`).set('authorization', auth(keys.otherCounty));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe(hidden.body.error.code);
  });

  it('answers 400 for a malformed id', async () => {
    const res = await t.http().get('/api/v1/files/not-a-uuid').set('authorization', auth(keys.county));
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([{ path: 'id', reason: 'a file id is a UUID' }]);
  });
});

describe('delete', () => {
  const del = (id: string, key = keys.county) => t.http().delete(`/api/v1/files/${id}`).set('authorization', auth(key));

  it('is refused with 409 while the file is attached', async () => {
    const { body: file } = await upload(pdf(`attached ${randomUUID()}`), 'attached.pdf');
    await attach(file.id);
    const res = await del(file.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/is ATTACHED \(to 1 application\): a file referenced by an application/);
    expect((await t.http().get(`/api/v1/files/${file.id}`).set('authorization', auth(keys.county))).status).toBe(200);
  });

  it('is for the uploader or ADMIN: 404 for keys that cannot see it, 403 for readers', async () => {
    const { body: file } = await upload(pdf(`owned ${randomUUID()}`), 'owned.pdf');
    expect((await del(file.id, keys.otherCounty)).status).toBe(404);
    expect((await del(file.id, keys.province)).status).toBe(404);
    await attach(file.id);
    const reader = await del(file.id, keys.province);
    expect(reader.status).toBe(403);
    expect(reader.body.error.message).toMatch(/only the key that uploaded file .*, or an ADMIN key, may delete it/);
    const { body: other } = await upload(pdf(`admin ${randomUUID()}`), 'admin.pdf', keys.otherCounty);
    expect((await del(other.id, keys.admin)).body).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 1 });
  });

  it('removes the blob with the last upload of the same bytes, and audits', async () => {
    const bytes = pdf(`last ${randomUUID()}`);
    const { body: a } = await upload(bytes, 'a.pdf');
    const { body: b } = await upload(bytes, 'b.pdf');
    expect((await del(a.id)).status).toBe(200);
    expect(await blobs()).toContain(a.sha256);
    expect((await t.http().get(`/api/v1/files/${b.id}`).set('authorization', auth(keys.county))).status).toBe(200);
    expect((await del(b.id)).status).toBe(200);
    expect(await blobs()).not.toContain(a.sha256);
    expect((await t.http().get(`/api/v1/files/${b.id}`).set('authorization', auth(keys.county))).status).toBe(404);
    expect((await del(b.id)).status).toBe(404);
    const audit = await t.dataSource.query(`SELECT action, before_digest FROM audit_log WHERE entity_key = $1 ORDER BY id`, [a.id]);
    expect(audit).toEqual([
      { action: 'file.upload', before_digest: null },
      { action: 'file.delete', before_digest: a.sha256 },
    ]);
  });
});
