// The bad-input matrix: every refused request answers with the right status and error body
// (code, message, problems with index, key, path and reason, requestId) and leaves every
// table exactly as it was. Never a 500.
import type { ErrorCode } from '../../src/common/errors/error-code.js';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  complaintCounts,
  enforcementCase,
  equipment,
  fingerprint,
  loadRegionsAndKeys,
  person,
  profile,
  sendRaw,
  type Keys,
} from './ingest-support.js';

const S = '130102001'; // a station of the county key
const T = '130104001'; // a station of another county
const P = `/api/v1/stations/${S}`;

type Who = keyof Keys | 'none' | 'revoked' | 'malformed';

interface BadRequest {
  name: string;
  who?: Who;
  method: 'get' | 'put' | 'patch' | 'post' | 'delete';
  path: string;
  /** A JSON body. */
  body?: unknown;
  /** A raw body with its content type. */
  raw?: { type: string; data: string | Buffer };
  headers?: Record<string, string>;
  status: number;
  code: ErrorCode;
  /** Each must appear among the answer's problems. */
  problems?: { index?: number; key?: string; path: string; reason?: string | RegExp }[];
  /** The number of problems, when it matters. */
  problemCount?: number;
}

const missing = (field: string) => ({ path: field, reason: `${field} is required` });

/** A one-row batch whose `field` holds the given JSON text (which JSON.stringify would never write). */
function rowWith(row: Record<string, unknown>, field: string, json: string): string {
  return `{"items":[${JSON.stringify({ ...row, [field]: '@@value@@' }).replace('"@@value@@"', json)}]}`;
}

/** A one-row batch whose `field` holds the bytes FF FE (never valid UTF-8) between two characters. */
function utf8Broken(row: Record<string, unknown>, field: string): Buffer {
  const [before, after] = rowWith(row, field, '"张@@bytes@@伟"').split('@@bytes@@');
  return Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]);
}

const CASES: BadRequest[] = [
  // --- types, enums, missing and unknown fields ---
  { name: 'enum value not in the vocabulary', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { position: 'CHIEF' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: 'P0000', path: 'position', reason: 'position must be one of DIRECTOR, DEPUTY_DIRECTOR, STAFF' }], problemCount: 1 },
  { name: 'enum value in lower case', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { procedure: 'general' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: '冀长市监处罚〔2025〕1号', path: 'procedure' }] },
  { name: 'a number where a string is expected', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { name: 42 })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: 'name must be a string' }] },
  { name: 'a numeric string where an integer is expected', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0, { quantity: '3' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: 'E0000', path: 'quantity', reason: 'quantity must be an integer from 1 to 100000' }] },
  { name: 'a fraction where an integer is expected', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0, { quantity: 2.5 })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'quantity' }] },
  { name: 'a string "true" where a boolean is expected', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { archived: 'true' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'archived', reason: 'archived must be true or false' }] },
  { name: 'a required field missing', method: 'put', path: `${P}/personnel`, body: { items: [person(0), { ...person(1), externalId: undefined }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, ...missing('externalId') }], problemCount: 1 },
  { name: 'a required field null', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { staffingType: null })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: 'P0000', ...missing('staffingType') }] },
  { name: 'an unknown field', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { salary: 8000 })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: 'P0000', path: 'salary', reason: 'unknown field: not part of the interface' }] },
  { name: 'an unknown nested field', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { trainings: [{ year: 2024, days: 3 }] })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'trainings[0].days', reason: 'unknown field: not part of the interface' }] },
  { name: 'an unknown envelope field', method: 'put', path: `${P}/equipment`, body: { items: [], station: S }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'station', reason: 'unknown field: a batch body holds only items' }] },
  { name: 'an unknown profile field', method: 'put', path: P, body: profile(COUNTY, { director: '张伟' }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'director' }] },
  { name: 'items not an array', method: 'put', path: `${P}/equipment`, body: { items: { externalId: 'E1' } }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'items', reason: 'items must be an array' }] },
  { name: 'items missing', method: 'patch', path: `${P}/cases`, body: {}, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'items', reason: 'items is required' }] },
  { name: 'a row that is not an object', method: 'put', path: `${P}/equipment`, body: { items: [equipment(0), 7] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, path: '', reason: 'must be a JSON object' }], problemCount: 1 },
  { name: 'a JSON array as the body', method: 'put', path: `${P}/personnel`, body: [person(0)], status: 400, code: 'BAD_USER_INPUT', problems: [{ path: '' }] },
  { name: 'a nested object of the wrong class', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { specialEquipmentCert: { number: 'X', class: 'C', expiresOn: '2027-01-01' } })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'specialEquipmentCert.class', reason: 'class must be one of A, B' }] },
  { name: 'control characters in a name', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { name: '张\u0000伟' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: 'name must not contain control characters' }] },
  { name: 'a key longer than 64 characters', method: 'put', path: `${P}/equipment`, body: { items: [equipment(0, { externalId: 'E'.repeat(65) })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'externalId', reason: 'externalId must be 1 to 64 characters long' }] },
  { name: 'every bad row of a batch is listed', method: 'put', path: `${P}/equipment`, body: { items: [equipment(0, { type: 'TRUCK' }), equipment(1), equipment(2, { status: null, acquiredOn: '2023-13-01' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'type' }, { index: 2, ...missing('status') }, { index: 2, path: 'acquiredOn' }], problemCount: 3 },
  // --- bodies JSON.parse accepts but silently changes (issue 9), and unbounded nesting (F4) ---
  { name: 'trainings nested in 2,000 [', method: 'patch', path: `${P}/personnel`, raw: { type: 'application/json', data: rowWith(person(5), 'trainings', `${'['.repeat(2000)}${']'.repeat(2000)}`) }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'trainings[0][0][0][0][0][0][0][0][0][0][0][0][0]', reason: /nested deeper than 16 levels/ }], problemCount: 1 },
  { name: 'an array inside trainings', method: 'patch', path: `${P}/personnel`, body: { items: [person(5, { trainings: [[]] })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: 'P0005', path: 'trainings[0]', reason: 'must be a JSON object' }], problemCount: 1 },
  { name: 'an array inside disciplinaryRecords, next to a good record', method: 'put', path: `${P}/personnel`, body: { items: [person(5, { disciplinaryRecords: [{ date: '2024-01-02', kind: '警告' }, [{ date: '2024-01-03', kind: '记过' }]] })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'disciplinaryRecords[1]', reason: 'must be a JSON object' }], problemCount: 1 },
  { name: 'a lone surrogate escape in an externalId', method: 'patch', path: `${P}/personnel`, raw: { type: 'application/json', data: rowWith(person(7), 'externalId', '"P\\ud800"') }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'externalId', reason: /lone UTF-16 surrogate/ }], problemCount: 1 },
  { name: 'a lone low surrogate escape in a nested text', method: 'put', path: `${P}/personnel`, raw: { type: 'application/json', data: rowWith(person(7), 'disciplinaryRecords', '[{"date":"2024-01-02","kind":"\\udc00警告"}]') }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'disciplinaryRecords[0].kind', reason: /lone UTF-16 surrogate/ }] },
  { name: 'invalid UTF-8 bytes in a name', method: 'patch', path: `${P}/personnel`, raw: { type: 'application/json', data: utf8Broken(person(8), 'name') }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: /not valid UTF-8/ }], problemCount: 1 },
  { name: 'duplicate items keys in a roster replacement (used to remove everyone)', method: 'put', path: `${P}/personnel`, raw: { type: 'application/json', data: `{"items":[${JSON.stringify(person(0))}],"items":[]}` }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'items', reason: /duplicate key "items"/ }], problemCount: 1 },
  { name: 'a duplicate key inside a row', method: 'patch', path: `${P}/equipment`, raw: { type: 'application/json', data: `{"items":[${JSON.stringify(equipment(0))},${JSON.stringify(equipment(1)).replace('{', '{"quantity":99,')}]}` }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, path: 'quantity', reason: /duplicate key "quantity"/ }], problemCount: 1 },
  { name: 'a duplicate key spelled with an escape, deep inside', method: 'put', path: `${P}/personnel`, raw: { type: 'application/json', data: rowWith(person(9), 'trainings', '[{"year":2023},{"year":2024,"y\\u0065ar":2022}]') }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'trainings[1].year', reason: /duplicate key "year"/ }], problemCount: 1 },
  { name: 'a duplicate key in a single-object body', method: 'put', path: P, raw: { type: 'application/json', data: JSON.stringify(profile()).replace('{', '{"countyCode":"130104",') }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'countyCode', reason: /duplicate key/ }], problemCount: 1 },
  // --- values of the right type that cannot be true (issue 9) ---
  { name: 'a birth month in 2100', method: 'patch', path: `${P}/personnel`, body: { items: [person(9, { birthMonth: '2100-01', hiredOn: null })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'birthMonth', reason: 'birthMonth must be a month YYYY-MM between 1900-01 and the current month' }], problemCount: 1 },
  { name: 'a birth month before 1900', method: 'patch', path: `${P}/personnel`, body: { items: [person(9, { birthMonth: '1899-12' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'birthMonth' }], problemCount: 1 },
  { name: 'a health check next year', method: 'patch', path: `${P}/personnel`, body: { items: [person(9, { lastHealthCheckOn: `${new Date().getUTCFullYear() + 1}-01-15` })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'lastHealthCheckOn', reason: /between 1900-01-01 and today/ }], problemCount: 1 },
  { name: 'a case decided in 2099', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { decidedOn: '2099-03-20', closedOn: null })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'decidedOn' }], problemCount: 1 },
  { name: 'equipment acquired in 1850', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0, { acquiredOn: '1850-01-01' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'acquiredOn' }], problemCount: 1 },
  { name: 'a veto event dated in the future', method: 'post', path: `${P}/veto-events`, body: { kind: 'OTHER', date: '2090-01-01' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'date' }], problemCount: 1 },
  { name: 'a blank name', method: 'patch', path: `${P}/personnel`, body: { items: [person(10, { name: '   ' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: 'name must not be blank' }], problemCount: 1 },
  { name: 'a blank station name (ideographic spaces)', method: 'put', path: P, body: profile(COUNTY, { name: '\u3000\u3000' }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'name', reason: 'name must not be blank' }], problemCount: 1 },
  { name: 'a blank case target and a blank optional text', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { target: ' ', violation: '\n\t' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'target' }, { index: 0, path: 'violation' }], problemCount: 2 },
  { name: 'a bidi override in a name', method: 'patch', path: `${P}/personnel`, body: { items: [person(11, { name: '张\u202e伟' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: /invisible formatting characters/ }], problemCount: 1 },
  { name: 'a bidi isolate in a station name', method: 'put', path: P, body: profile(COUNTY, { name: '建北\u2066所\u2069' }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'name', reason: /invisible formatting characters/ }], problemCount: 1 },
  { name: 'a zero-width space in an externalId', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0, { externalId: 'E0\u200b000' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'externalId', reason: /invisible formatting characters/ }], problemCount: 1 },
  { name: 'a zero-width joiner in a certificate number', method: 'patch', path: `${P}/personnel`, body: { items: [person(12, { enforcementCertNo: '1301\u200d0220190012' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'enforcementCertNo', reason: /invisible formatting characters/ }], problemCount: 1 },
  { name: 'a byte-order mark in a region name', method: 'put', path: '/api/v1/reference/regions', who: 'province', body: { items: [{ code: '130102', name: '\ufeff长安区' }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'name', reason: /invisible formatting characters/ }], problemCount: 1 },
  // --- malformed bodies, content types, sizes ---
  { name: 'malformed JSON', method: 'put', path: `${P}/personnel`, raw: { type: 'application/json', data: '{"items": [' }, status: 400, code: 'BAD_USER_INPUT' },
  { name: 'a text/plain body', method: 'put', path: `${P}/personnel`, raw: { type: 'text/plain', data: 'externalId=P1' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a form body', method: 'patch', path: `${P}/equipment`, raw: { type: 'application/x-www-form-urlencoded', data: 'items=1' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'an XML body', method: 'put', path: P, raw: { type: 'application/xml', data: '<station/>' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: '5,001 rows', method: 'put', path: `${P}/personnel`, body: { items: Array.from({ length: 5001 }, (_, i) => person(i)) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'a body over the size limit', method: 'patch', path: `${P}/cases`, raw: { type: 'application/json', data: JSON.stringify({ items: [enforcementCase(1, { violation: 'x'.repeat(9 * 1024 * 1024) })] }) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  // --- numbers and cross-field rules ---
  { name: 'a negative count', method: 'put', path: `${P}/complaint-stats/2024`, body: complaintCounts({ complaintsReceived: -1 }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'complaintsReceived', reason: /from 0 to/ }] },
  { name: 'a part over its whole (closed > received)', method: 'put', path: `${P}/complaint-stats/2024`, body: complaintCounts({ complaintsClosed: 121, complaintsClosedOnTime: 100 }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'complaintsClosed', reason: 'complaintsClosed (121) must not exceed complaintsReceived (120)' }], problemCount: 1 },
  { name: 'a part over its whole (succeeded > attempted) and notified > real-name', method: 'put', path: `${P}/complaint-stats/2024-05`, body: complaintCounts({ mediationsSucceeded: 81, realNameReportersNotified: 13 }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'mediationsSucceeded' }, { path: 'realNameReportersNotified' }], problemCount: 2 },
  { name: 'a complaint count missing', method: 'put', path: `${P}/complaint-stats/2024`, body: complaintCounts({ reportsReceived: undefined }), status: 400, code: 'BAD_USER_INPUT', problems: [missing('reportsReceived')] },
  { name: 'a period with month 13', method: 'put', path: `${P}/complaint-stats/2024-13`, body: complaintCounts(), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'period' }] },
  { name: 'quantity 0', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0, { quantity: 0 })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'quantity' }] },
  { name: 'money as a number', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { fineAmount: 5000 })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'fineAmount', reason: /decimal string/ }] },
  { name: 'money with three decimals', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { confiscationAmount: '1.234' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'confiscationAmount' }] },
  { name: 'a date that does not exist', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { hiredOn: '2023-02-29' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'hiredOn', reason: /calendar date/ }] },
  { name: 'a date in another format', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1, { filedOn: '2025/02/10' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'filedOn' }] },
  { name: 'a month that is not YYYY-MM', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { birthMonth: '1985-7' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'birthMonth' }] },
  { name: 'a file review date without a review result', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { fileReview: 'NOT_REVIEWED', fileReviewedOn: '2025-05-15' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'fileReviewedOn', reason: 'a review date needs fileReview PASSED or FAILED' }], problemCount: 1 },
  { name: 'a file reviewed before it closed', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { fileReviewedOn: '2025-04-01' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'fileReviewedOn', reason: 'fileReviewedOn (2025-04-01) must not be before closedOn (2025-04-02)' }], problemCount: 1 },
  { name: 'an overturn date on a case not overturned', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { overturned: false, overturnedOn: '2025-06-01' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'overturnedOn', reason: 'an overturn date needs overturned: true' }], problemCount: 1 },
  { name: 'overturned before the decision', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { overturned: true, overturnedOn: '2025-03-19' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'overturnedOn', reason: 'overturnedOn (2025-03-19) must not be before decidedOn (2025-03-20)' }], problemCount: 1 },
  { name: 'an overturn date that is not a date', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { overturned: true, overturnedOn: '2025-13-01' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'overturnedOn' }], problemCount: 1 },
  { name: 'leaving before being hired', method: 'patch', path: `${P}/personnel`, body: { items: [person(0, { leftOn: '2012-07-31' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'leftOn', reason: 'leftOn (2012-07-31) must not be before hiredOn (2012-08-01)' }], problemCount: 1 },
  { name: 'closedOn before decidedOn', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1), enforcementCase(2, { closedOn: '2025-03-19' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, key: '冀长市监处罚〔2025〕2号', path: 'closedOn', reason: 'closedOn (2025-03-19) must not be before decidedOn (2025-03-20)' }], problemCount: 1 },
  { name: 'decidedOn before filedOn', method: 'put', path: `${P}/cases`, body: { items: [enforcementCase(1, { filedOn: '2025-03-21' })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'decidedOn' }] },
  { name: 'two trainings for one year', method: 'put', path: `${P}/personnel`, body: { items: [person(0, { trainings: [{ year: 2024 }, { year: 2024, onlineHours: 3 }] })] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, path: 'trainings[1].year', reason: 'year 2024 appears twice (also trainings[0])' }] },
  { name: 'duplicate externalIds in a batch', method: 'put', path: `${P}/personnel`, body: { items: [person(0), person(1), person(0), person(1)] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 2, key: 'P0000', path: 'externalId', reason: 'duplicate externalId in this batch (first at index 0)' }, { index: 3, key: 'P0001', path: 'externalId' }], problemCount: 2 },
  { name: 'duplicate case numbers in a batch', method: 'patch', path: `${P}/cases`, body: { items: [enforcementCase(1), enforcementCase(1)] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, key: '冀长市监处罚〔2025〕1号', path: 'caseNumber' }] },
  { name: 'a duty listed twice', method: 'put', path: P, body: profile(COUNTY, { duties: ['FOOD', 'FOOD'] }), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'duties', reason: 'duties must not hold a value twice' }] },
  { name: 'bonus OTHER without points', method: 'post', path: `${P}/bonus-events`, body: { eventKey: 'K1', category: 'OTHER', level: 'COUNTY', date: '2024-01-01', subject: 'COLLECTIVE' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'points', reason: 'points is required for category OTHER' }] },
  { name: 'bonus points on another category', method: 'post', path: `${P}/bonus-events`, body: { eventKey: 'K1', category: 'AWARD', level: 'COUNTY', date: '2024-01-01', subject: 'COLLECTIVE', points: 1 }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'points', reason: /only for category OTHER/ }] },
  { name: 'bonus points off the 0.5 grid', method: 'post', path: `${P}/bonus-events`, body: { eventKey: 'K1', category: 'OTHER', level: 'COUNTY', date: '2024-01-01', subject: 'COLLECTIVE', points: 2.3 }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'points', reason: 'points must be a number from 0 to 10 in steps of 0.5' }] },
  { name: 'certification item 13', method: 'put', path: `${P}/certifications/2025`, body: { items: { '1': true, '13': true } }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'items.13', reason: 'unknown item: the items are "1" to "12"' }] },
  { name: 'certification item not a boolean', method: 'put', path: `${P}/certifications/2025`, body: { items: { '3': 'yes' }, certifiedOn: '2025-02-30' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'items.3', reason: 'item 3 must be true or false' }, { path: 'certifiedOn' }], problemCount: 2 },
  { name: 'certification year out of range', method: 'put', path: `${P}/certifications/1800`, body: { items: {} }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'year' }] },
  { name: 'veto kind not in the vocabulary', method: 'post', path: `${P}/veto-events`, body: { kind: 'MISCONDUCT', date: '2024-01-01' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'kind' }] },
  { name: 'annual review year and result out of range', method: 'post', path: `${P}/annual-reviews`, body: { year: 1989, subject: 'STATION', result: 'GOOD' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'year' }, { path: 'result' }], problemCount: 2 },
  { name: 'mediation average over 1', method: 'put', path: '/api/v1/reference/mediation-averages/2024', who: 'admin', body: { rate: 1.5 }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'rate' }] },
  { name: 'mediation average with 5 decimals', method: 'put', path: '/api/v1/reference/mediation-averages/2024', who: 'admin', body: { rate: 0.72345 }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'rate', reason: /at most 4 decimal places/ }] },
  // --- stations, paths, keys ---
  { name: 'a county that is not loaded', method: 'put', path: '/api/v1/stations/130102777', body: profile('130109'), who: 'city', status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'countyCode', reason: /is not loaded; load the administrative divisions first/ }] },
  { name: 'a city code as countyCode', method: 'put', path: '/api/v1/stations/130102777', body: profile('130100'), who: 'city', status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'countyCode', reason: /is a CITY region/ }] },
  { name: 'a malformed station code in the path', method: 'put', path: '/api/v1/stations/bad%20code!', body: profile(), status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'code' }] },
  { name: "a '/' in a percent-encoded externalId", method: 'delete', path: `${P}/personnel/P0%2F1`, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'externalId', reason: "externalId must not contain '/'" }] },
  { name: 'a path parameter whose percent-encoding is not UTF-8 (a lone surrogate)', method: 'get', path: `${P}/personnel/P%ED%A0%80`, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'externalId', reason: /not valid percent-encoded UTF-8/ }], problemCount: 1 },
  { name: 'a path parameter over the router limit', method: 'delete', path: `${P}/cases/${'a'.repeat(3000)}`, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'caseNumber' }], problemCount: 1 },
  { name: 'a query parameter whose percent-encoding is not UTF-8', method: 'get', path: `${P}/cases?after=x%ED%A0%80&limit=10`, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'after', reason: /not valid percent-encoded UTF-8/ }], problemCount: 1 },
  { name: 'a malformed Idempotency-Key', method: 'patch', path: `${P}/equipment`, body: { items: [equipment(0)] }, headers: { 'idempotency-key': 'has space' }, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'Idempotency-Key' }] },
  { name: 'a limit out of range', method: 'get', path: `${P}/cases?limit=0`, status: 400, code: 'BAD_USER_INPUT', problems: [{ path: 'limit' }] },
  // --- scope and authentication ---
  { name: "a station of another county (county key): as if it did not exist", method: 'put', path: `/api/v1/stations/${T}/personnel`, body: { items: [person(0)] }, status: 404, code: 'NOT_FOUND' },
  { name: 'reading a station of another county: as if it did not exist', method: 'get', path: `/api/v1/stations/${T}/cases`, status: 404, code: 'NOT_FOUND' },
  { name: 'creating a station in another county', method: 'put', path: '/api/v1/stations/130104999', body: profile(OTHER_COUNTY), status: 403, code: 'FORBIDDEN' },
  { name: 'an unknown station', method: 'patch', path: '/api/v1/stations/130102404/equipment', body: { items: [equipment(0)] }, status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown person', method: 'delete', path: `${P}/personnel/P9999`, status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown case', method: 'delete', path: `${P}/cases/${encodeURIComponent('冀长市监处罚〔2025〕999号')}`, status: 404, code: 'NOT_FOUND' },
  { name: 'no key', method: 'put', path: `${P}/personnel`, who: 'none', body: { items: [person(0)] }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a revoked key', method: 'put', path: `${P}/personnel`, who: 'revoked', body: { items: [person(0)] }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a malformed Authorization header', method: 'patch', path: `${P}/equipment`, who: 'malformed', body: { items: [equipment(0)] }, status: 401, code: 'UNAUTHENTICATED' },
  { name: 'mediation average with a county key', method: 'put', path: '/api/v1/reference/mediation-averages/2024', body: { rate: 0.7 }, status: 403, code: 'FORBIDDEN' },
  { name: 'mediation average with a province key (national data: ADMIN only)', method: 'put', path: '/api/v1/reference/mediation-averages/2024', who: 'province', body: { rate: 0.7 }, status: 403, code: 'FORBIDDEN' },
  { name: 'loading regions with a county key', method: 'put', path: '/api/v1/reference/regions', body: { items: [{ code: '130105', name: '新华区' }] }, status: 403, code: 'FORBIDDEN' },
  { name: 'loading regions outside the province', method: 'put', path: '/api/v1/reference/regions', who: 'province', body: { items: [{ code: '130105', name: '新华区' }, { code: '140106', name: '迎泽区' }] }, status: 403, code: 'FORBIDDEN', problems: [{ index: 1, key: '140106', path: 'code' }], problemCount: 1 },
  { name: 'a region whose parent is not loaded', method: 'put', path: '/api/v1/reference/regions', who: 'province', body: { items: [{ code: '130902', name: '新华区' }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 0, key: '130902', path: 'code', reason: /parent 130900 is not loaded/ }] },
  { name: 'bulk rows of an unknown station', method: 'post', path: '/api/v1/bulk/equipment', body: { items: [{ stationCode: S, ...equipment(0) }, { stationCode: '130102404', ...equipment(0) }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, key: '130102404/E0000', path: 'stationCode', reason: /no station 130102404 in this key's region/ }], problemCount: 1 },
  { name: 'bulk rows of a station outside the region: as if it did not exist', method: 'post', path: '/api/v1/bulk/personnel', body: { items: [{ stationCode: S, ...person(0) }, { stationCode: T, ...person(0) }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, key: `${T}/P0000`, path: 'stationCode', reason: /no station 130104001 in this key's region/ }], problemCount: 1 },
  { name: 'bulk duplicate (station, key) pairs', method: 'post', path: '/api/v1/bulk/cases', body: { items: [{ stationCode: S, ...enforcementCase(1) }, { stationCode: S, ...enforcementCase(1) }] }, status: 400, code: 'BAD_USER_INPUT', problems: [{ index: 1, key: `${S}/冀长市监处罚〔2025〕1号`, path: 'caseNumber' }] },
];

describe('bad input', () => {
  let t: TestApp;
  let keys: Keys;
  let revoked: string;

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    const service = t.app.get(ApiKeyService);
    const created = await service.create('COUNTY', COUNTY, 'to revoke');
    await service.revoke(created.id);
    revoked = created.key;
    // Some data for the refused requests to (not) change.
    await t.http().put(P).set(bearer(keys.county)).send(profile()).expect(200);
    await t.http().put(`/api/v1/stations/${T}`).set(bearer(keys.otherCounty)).send(profile(OTHER_COUNTY)).expect(200);
    await t.http().put(`${P}/personnel`).set(bearer(keys.county)).send({ items: [person(0), person(1), person(2)] }).expect(200);
    await t.http().put(`${P}/equipment`).set(bearer(keys.county)).send({ items: [equipment(0), equipment(1)] }).expect(200);
    await t.http().put(`${P}/cases`).set(bearer(keys.county)).send({ items: [enforcementCase(1), enforcementCase(2)] }).expect(200);
    await t.http().put(`${P}/complaint-stats/2024`).set(bearer(keys.county)).send(complaintCounts()).expect(200);
    await t.http().put('/api/v1/reference/mediation-averages/2024').set(bearer(keys.admin)).send({ rate: 0.7 }).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  test('the matrix has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await fingerprint(t.dataSource);
    const who = c.who ?? 'county';
    let call = t.http()[c.method](c.path);
    if (who === 'revoked') call = call.set(bearer(revoked));
    else if (who === 'malformed') call = call.set('authorization', `Basic ${keys.county}`);
    else if (who !== 'none') call = call.set(bearer(keys[who]));
    for (const [name, value] of Object.entries(c.headers ?? {})) call = call.set(name, value);
    const res =
      c.raw && Buffer.isBuffer(c.raw.data)
        ? await sendRaw(t, c.method, c.path, { ...(who === 'none' ? {} : bearer(who === 'revoked' ? revoked : keys[who as keyof Keys])), 'content-type': c.raw.type }, c.raw.data)
        : c.raw
          ? await call.set('content-type', c.raw.type).send(c.raw.data)
          : c.body !== undefined
            ? await call.send(c.body as object)
            : await call;

    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.message.length).toBeGreaterThan(0);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    const problems: { index?: number; key?: string; path: string; reason: string }[] = res.body.error.problems ?? [];
    for (const p of problems) {
      expect(typeof p.path).toBe('string');
      expect(typeof p.reason).toBe('string');
    }
    for (const expected of c.problems ?? []) {
      const { reason, ...rest } = expected;
      const match = problems.find(
        (p) =>
          Object.entries(rest).every(([k, v]) => (p as Record<string, unknown>)[k] === v) &&
          (reason === undefined || (typeof reason === 'string' ? p.reason === reason : reason.test(p.reason))),
      );
      expect({ expected, found: match !== undefined, problems }).toMatchObject({ found: true });
    }
    if (c.problemCount !== undefined) expect(problems).toHaveLength(c.problemCount);
    expect(await fingerprint(t.dataSource)).toEqual(before);
  });
});
