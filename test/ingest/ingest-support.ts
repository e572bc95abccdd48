// Shared fixtures of the county push interface tests: a small region tree, keys of every
// role, valid rows of each resource, and a fingerprint of every table a push can touch
// (so that a refused request can be shown to have changed nothing).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app.js';

export const PROVINCE = '130000';
export const CITY = '130100';
export const COUNTY = '130102';
export const OTHER_COUNTY = '130104';
export const OTHER_PROVINCE_COUNTY = '140105';

export interface Keys {
  county: string;
  otherCounty: string;
  city: string;
  province: string;
  admin: string;
}

/** Loads a few regions through the interface itself and creates a key of each role. */
export async function loadRegionsAndKeys(t: TestApp): Promise<Keys> {
  const admin = await t.apiKey('ADMIN', PROVINCE);
  await t
    .http()
    .put('/api/v1/reference/regions')
    .set('authorization', `Bearer ${admin}`)
    .send({
      items: [
        { code: '130000', name: '河北省' },
        { code: '130100', name: '石家庄市' },
        { code: '130102', name: '长安区' },
        { code: '130104', name: '桥西区' },
        { code: '130200', name: '唐山市' },
        { code: '130203', name: '路北区' },
        { code: '140000', name: '山西省' },
        { code: '140100', name: '太原市' },
        { code: '140105', name: '小店区' },
      ],
    })
    .expect(200);
  return {
    admin,
    county: await t.apiKey('COUNTY', COUNTY),
    otherCounty: await t.apiKey('COUNTY', OTHER_COUNTY),
    city: await t.apiKey('CITY', CITY),
    province: await t.apiKey('PROVINCE', PROVINCE),
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export function profile(countyCode = COUNTY, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '长安区建北市场监督管理所',
    countyCode,
    approvedHeadcount: 12,
    duties: ['FOOD', 'SPECIAL_EQUIPMENT', 'PRICE'],
    premises: { independent: true, rooms: ['OFFICE', 'SERVICE_HALL', 'ARCHIVE_ROOM', 'TOILET'], internet: true, privateNetwork: true },
    ...overrides,
  };
}

export function person(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `P${String(i).padStart(4, '0')}`,
    name: ['张伟', '王芳', '李娜', '刘洋'][i % 4],
    position: i === 0 ? 'DIRECTOR' : 'STAFF',
    birthMonth: '1985-07',
    education: 'BACHELOR',
    major: '法学',
    majorCategory: 'LAW',
    staffingType: i % 5 === 4 ? 'AUXILIARY' : 'ADMINISTRATIVE',
    enforcementCertNo: `1301022019${String(i).padStart(4, '0')}`,
    specialEquipmentCert: i % 3 === 0 ? { number: `TSJC-冀-2021-${i}`, class: 'B', expiresOn: '2027-06-30' } : null,
    hiredOn: '2012-08-01',
    secondedMonths: 0,
    trainings: [
      { year: 2024, offlineDays: 12, offlineHours: 0, onlineHours: 36.5, provincialTrainings: 1 },
      { year: 2023, offlineDays: 10.5 },
    ],
    lastHealthCheckOn: '2024-11-15',
    informationAdministrator: i === 1,
    disciplinaryRecords: i === 2 ? [{ date: '2024-05-20', kind: '警告', description: '违反工作纪律' }] : [],
    ...overrides,
  };
}

export function equipment(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `E${String(i).padStart(4, '0')}`,
    type: ['DESKTOP_COMPUTER', 'LAPTOP', 'HANDHELD_TERMINAL', 'BODY_CAMERA', 'CAR'][i % 5],
    quantity: 1 + (i % 4),
    status: i % 7 === 6 ? 'BROKEN' : 'IN_SERVICE',
    acquiredOn: '2023-04-18',
    ...overrides,
  };
}

export function enforcementCase(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseNumber: `冀长市监处罚〔2025〕${i}号`,
    procedure: i % 3 === 0 ? 'SIMPLE' : 'GENERAL',
    target: '石家庄市某某食品有限公司',
    violation: '销售超过保质期的食品',
    filedOn: '2025-02-10',
    decidedOn: '2025-03-20',
    closedOn: '2025-04-02',
    enteredOn: '2025-03-22',
    archived: true,
    publicised: true,
    fullProcessRecorded: true,
    majorDecision: false,
    legalReviewed: false,
    fileReview: 'PASSED',
    overturned: false,
    fineAmount: '5000',
    confiscationAmount: '1200.5',
    minorViolationExempted: false,
    ...overrides,
  };
}

export function complaintCounts(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    complaintsReceived: 120,
    complaintsCheckedOnTime: 120,
    complaintsClosed: 118,
    complaintsClosedOnTime: 118,
    mediationsAttempted: 80,
    mediationsSucceeded: 62,
    reportsReceived: 30,
    reportsVerifiedOnTime: 30,
    realNameReports: 12,
    realNameReportersNotified: 12,
    ...overrides,
  };
}

const TABLES = [
  'region',
  'station',
  'person',
  'person_training',
  'person_disciplinary_record',
  'equipment',
  'enforcement_case',
  'complaint_figures',
  'certification',
  'bonus_event',
  'veto_event',
  'annual_review',
  'mediation_average',
  'audit_log',
  'outbox_event',
  'idempotency_record',
] as const;

/** The row count and an md5 of the full content of every table a push can touch. */
export async function fingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const parts = TABLES.map((t) => `SELECT '${t}' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS f FROM ${t} x`);
  const rows = await dataSource.query<{ t: string; f: string }[]>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

export async function count(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM (${sql}) x`, params);
  return Number(row.n);
}

/**
 * Sends a body byte for byte (supertest serializes a Buffer as JSON), on the app's server
 * listening on a free local port.
 */
export async function sendRaw(
  t: TestApp,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload: Buffer | null,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; headers: Record<string, string | string[] | undefined> }> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: method.toUpperCase(), path, headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        // JSON answers parsed; files (forms) kept as bytes. A throw here would never settle the promise.
        const bytes = Buffer.concat(chunks);
        const json = /^application\/json/.test(String(res.headers['content-type'] ?? ''));
        try {
          resolve({ status: res.statusCode ?? 0, body: bytes.length === 0 ? undefined : json ? JSON.parse(bytes.toString('utf8')) : bytes, headers: res.headers });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}
