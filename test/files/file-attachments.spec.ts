// FileAttachments, the service rating rounds use to attach evidence files to applications,
// reviews and inspections: who may use which file, and replacing an owner's attachments.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../src/auth/principal.js';
import { createDataSource } from '../../src/database/data-source.js';
import { FileAttachments, UNKNOWN_FILE_REASON, type AttachmentOwner } from '../../src/files/file-attachments.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let db: DataSource;
const attachments = new FileAttachments();

const county: Principal = { keyId: randomUUID(), role: 'COUNTY', regionCode: '130102' };
const otherCounty: Principal = { keyId: randomUUID(), role: 'COUNTY', regionCode: '130104' };
const province: Principal = { keyId: randomUUID(), role: 'PROVINCE', regionCode: '130000' };
const otherProvince: Principal = { keyId: randomUUID(), role: 'PROVINCE', regionCode: '140000' };
const admin: Principal = { keyId: randomUUID(), role: 'ADMIN', regionCode: '000000' };

async function insertFile(by: Principal, name = '证明.pdf'): Promise<string> {
  const sha = randomUUID().replace(/-/g, '').padEnd(64, '0');
  const [{ id }] = await db.query<{ id: string }[]>(
    `INSERT INTO file_object (sha256, size, content_type, original_name, uploaded_by_key_id, uploaded_by_region) VALUES ($1, 10, 'application/pdf', $2, $3, $4) RETURNING id`,
    [sha, name, by.keyId, by.regionCode],
  );
  return id;
}

const owner = (stationCode = '130102001'): AttachmentOwner => ({ kind: 'APPLICATION', id: randomUUID(), stationCode });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ url: database.url, logging: false });
  await db.initialize();
  await db.query(`INSERT INTO region (code, name, level, parent_code) VALUES
    ('130000', '河北省', 'PROVINCE', NULL), ('130100', '石家庄市', 'CITY', '130000'), ('130102', '长安区', 'COUNTY', '130100'), ('130104', '桥西区', 'COUNTY', '130100'),
    ('140000', '山西省', 'PROVINCE', NULL), ('140100', '太原市', 'CITY', '140000'), ('140105', '小店区', 'COUNTY', '140100')`);
  await db.query(`INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
    VALUES ('130102001', '长安所', '130102', '130100', '130000', 10, true, true, true, 'x'), ('140105001', '小店所', '140105', '140100', '140000', 10, true, true, true, 'x')`);
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

describe('problems', () => {
  it('lets the uploader use its own unattached file, and nobody else but ADMIN', async () => {
    const id = await insertFile(county);
    expect(await attachments.problems(db.manager, county, [id])).toEqual(new Map());
    expect(await attachments.problems(db.manager, admin, [id])).toEqual(new Map());
    expect(await attachments.problems(db.manager, otherCounty, [id])).toEqual(new Map([[id, UNKNOWN_FILE_REASON]]));
    expect(await attachments.problems(db.manager, province, [id])).toEqual(new Map([[id, UNKNOWN_FILE_REASON]]));
  });

  it('lets keys that may read the station of an attachment use the file', async () => {
    const id = await insertFile(county);
    await db.transaction((m) => attachments.replace(m, owner(), [id]));
    expect(await attachments.problems(db.manager, province, [id])).toEqual(new Map());
    expect(await attachments.problems(db.manager, otherProvince, [id])).toEqual(new Map([[id, UNKNOWN_FILE_REASON]]));
    expect(await attachments.problems(db.manager, otherCounty, [id])).toEqual(new Map([[id, UNKNOWN_FILE_REASON]]));
  });

  it('names unknown and malformed ids, one reason each, and accepts upper-case UUIDs', async () => {
    const id = await insertFile(county);
    const unknown = randomUUID();
    const result = await attachments.problems(db.manager, county, [id.toUpperCase(), unknown, 'not-a-uuid', unknown]);
    expect(result).toEqual(
      new Map([
        [unknown, UNKNOWN_FILE_REASON],
        ['not-a-uuid', 'a file id is a UUID'],
      ]),
    );
    expect(await attachments.problems(db.manager, county, [])).toEqual(new Map());
  });
});

describe('replace', () => {
  async function attached(o: AttachmentOwner): Promise<string[]> {
    const rows = await db.query<{ file_id: string }[]>(`SELECT file_id FROM file_attachment WHERE owner_kind = $1 AND owner_id = $2 ORDER BY file_id`, [o.kind, o.id]);
    return rows.map((r) => r.file_id);
  }

  it('replaces the attachments of one owner with exactly the given ids and leaves other owners alone', async () => {
    const [a, b, c] = [await insertFile(county), await insertFile(county), await insertFile(county)];
    const mine = owner();
    const other: AttachmentOwner = { ...owner(), kind: 'REVIEW' };
    await db.transaction((m) => attachments.replace(m, other, [a]));
    await db.transaction((m) => attachments.replace(m, mine, [a, b, a]));
    expect(await attached(mine)).toEqual([a, b].sort());
    await db.transaction((m) => attachments.replace(m, mine, [b, c]));
    expect(await attached(mine)).toEqual([b, c].sort());
    await db.transaction((m) => attachments.replace(m, mine, []));
    expect(await attached(mine)).toEqual([]);
    expect(await attached(other)).toEqual([a]);
  });

  it('refuses unknown or malformed ids with a 400 and changes nothing', async () => {
    const a = await insertFile(county);
    const mine = owner();
    await db.transaction((m) => attachments.replace(m, mine, [a]));
    const unknown = randomUUID();
    await expect(db.transaction((m) => attachments.replace(m, mine, [unknown]))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'fileIds', reason: expect.stringContaining(unknown) }],
    });
    await expect(db.transaction((m) => attachments.replace(m, mine, ['x']))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await attached(mine)).toEqual([a]);
  });

  it('keeps an attached file from being deleted (RESTRICT)', async () => {
    const a = await insertFile(county);
    await db.transaction((m) => attachments.replace(m, owner(), [a]));
    await expect(db.query(`DELETE FROM file_object WHERE id = $1`, [a])).rejects.toMatchObject({ constraint: 'fk_file_attachment_file' });
  });
});

describe('describe', () => {
  it('answers the metadata in the given order, skipping unknown ids', async () => {
    const a = await insertFile(county, '申请书.pdf');
    const b = await insertFile(county, 'scan.pdf');
    const result = await attachments.describe(db.manager, [b, randomUUID(), a]);
    expect(result).toEqual([
      { id: b, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 10, contentType: 'application/pdf', name: 'scan.pdf' },
      { id: a, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 10, contentType: 'application/pdf', name: '申请书.pdf' },
    ]);
    expect(await attachments.describe(db.manager, [])).toEqual([]);
  });
});
