// Requests of one operation of the published document: a key of a role the operation
// allows (x-roles), path and query parameters and a body generated from their schemas;
// invalid ones break one constraint of the body or of one parameter.
import fc from 'fast-check';
import { invalidUpload, MULTIPART, validUpload } from './multipart.js';
import { locations, mutationsAt, pathText, type Mutation } from './mutations.js';
import { resolve, validValue, type Doc, type Operation, type Refs, type Schema } from './schema-values.js';

export type Role = 'COUNTY' | 'CITY' | 'PROVINCE' | 'ADMIN';

export interface FuzzRequest {
  role: Role;
  method: string;
  url: string;
  body: Buffer | null;
  /** The body's Content-Type when it is not JSON (multipart uploads). */
  contentType?: string;
  /** null: a valid request; else the path a 400 must name, and how the request was broken. */
  invalid: { kind: string; path: string; prefix: boolean } | null;
}

export interface Fixtures {
  /**
   * Values for path parameters that must name existing records, by `resource:name` (the
   * path's first segment after /api/v1/, e.g. `regions:code`) or by name (e.g. code: a
   * station of the key); a function gives the values for a role.
   */
  pathRefs: Record<string, fc.Arbitrary<string> | ((role: Role) => fc.Arbitrary<string>)>;
  /** Body values that name other records, by property name. */
  bodyRefs: Refs;
  /** Query values that name the key's own region, by name and role. */
  queryRefs: Record<string, (role: Role) => string>;
}

interface Parts {
  role: Role;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

const ROLES: Role[] = ['COUNTY', 'CITY', 'PROVINCE', 'ADMIN'];

/** Valid requests of an operation, and invalid ones (one constraint broken). */
export function requestsOf(doc: Doc, method: string, template: string, op: Operation, fixtures: Fixtures): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(doc, template, op, fixtures);
  if (op.requestBody?.content[MULTIPART]) return uploadRequests(valid, method, template);
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const build = (parts: Parts, body: Buffer | null, invalid: FuzzRequest['invalid']): FuzzRequest => ({
    role: parts.role,
    method,
    url: urlOf(template, parts.params, parts.query),
    body,
    invalid,
  });
  const json = (value: unknown) => (value === undefined ? null : Buffer.from(JSON.stringify(value)));
  const validRequest = valid.map((p) => build(p, json(p.body), null));
  const invalidRequest = valid.chain((parts) => {
    const broken: { mutation: Mutation; params?: Record<string, string>; query?: Record<string, string> }[] = [];
    if (bodySchema) for (const at of locations(doc, bodySchema, parts.body)) for (const mutation of mutationsAt(parts.body, at)) broken.push({ mutation });
    for (const p of op.parameters ?? []) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      for (const value of brokenParameter(resolve(doc, p.schema), parts[p.in === 'path' ? 'params' : 'query'][p.name])) {
        const mutation: Mutation = { kind: `parameter ${p.name}`, path: [p.name], prefix: false, body: { json: parts.body } };
        broken.push(p.in === 'path' ? { mutation, params: { ...parts.params, [p.name]: value } } : { mutation, query: { ...parts.query, [p.name]: value } });
      }
    }
    if (broken.length === 0) return fc.constant(build(parts, json(parts.body), null));
    return fc.constantFrom(...broken).map(({ mutation, params, query }) =>
      build(
        { ...parts, params: params ?? parts.params, query: query ?? parts.query },
        'raw' in mutation.body ? mutation.body.raw : json(mutation.body.json),
        { kind: mutation.kind, path: pathText(mutation.path), prefix: mutation.prefix },
      ),
    );
  });
  return fc.oneof(validRequest, invalidRequest);
}

/** Uploads (see multipart.ts for why they are generated there): a valid file, or a broken file name. */
function uploadRequests(valid: fc.Arbitrary<Parts>, method: string, template: string): fc.Arbitrary<FuzzRequest> {
  return valid.chain((parts) =>
    fc.oneof(
      validUpload.map((upload) => ({ upload, invalid: null })),
      invalidUpload.map((upload) => ({ upload, invalid: { kind: 'file name', path: 'file.filename', prefix: false } })),
    ).map(({ upload, invalid }): FuzzRequest => ({ role: parts.role, method, url: urlOf(template, parts.params, parts.query), body: upload.body, contentType: upload.contentType, invalid })),
  );
}

function validParts(doc: Doc, path: string, op: Operation, fixtures: Fixtures): fc.Arbitrary<Parts> {
  const roles = (op['x-roles'] as Role[] | undefined) ?? ROLES;
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  return fc.constantFrom(...roles).chain((role) => {
    const params: Record<string, fc.Arbitrary<string>> = {};
    const query: Record<string, fc.Arbitrary<string | undefined>> = {};
    for (const p of op.parameters ?? []) {
      const schema = resolve(doc, p.schema);
      if (p.in === 'path') {
        const ref = fixtures.pathRefs[`${path.split('/')[3]}:${p.name}`] ?? fixtures.pathRefs[p.name];
        params[p.name] = ref === undefined ? validValue(doc, schema, {}).map(String) : typeof ref === 'function' ? ref(role) : ref;
      }
      if (p.in === 'query') {
        const ref = fixtures.queryRefs[p.name];
        query[p.name] = fc.option(ref ? fc.constant(ref(role)) : validValue(doc, schema, {}).map(String), { nil: undefined });
      }
    }
    const body = bodySchema ? validValue(doc, bodySchema, fixtures.bodyRefs) : fc.constant(undefined);
    return fc.record({ params: fc.record(params), query: fc.record(query), body }).map((r) => ({
      role,
      params: r.params,
      query: Object.fromEntries(Object.entries(r.query).filter(([, v]) => v !== undefined)) as Record<string, string>,
      body: r.body,
    }));
  });
}

const BAD_PARAMETER_CHARACTERS = ['\u0000', '\u001f', '\u200b', '\u202e', '\ud800', '/', ' '];

/** Values of a path or query parameter that break its schema (never '', which means "absent" in a query). */
function brokenParameter(schema: Schema, current: string | undefined): string[] {
  const out: string[] = [];
  if (schema.type === 'integer') {
    out.push('abc', '1.5');
    if (schema.maximum !== undefined) out.push(String(schema.maximum + 1));
    if (schema.minimum !== undefined) out.push(String(schema.minimum - 1));
    return out;
  }
  const re = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  const base = current && current.length > 0 ? current : 'a';
  if (schema.maxLength !== undefined) out.push(base + 'a'.repeat(Math.max(1, schema.maxLength + 1 - [...base].length)));
  if (re) for (const c of BAD_PARAMETER_CHARACTERS) if (!re.test(base + c)) out.push(base + c);
  return out;
}

/** Percent-encodes a parameter; a lone surrogate as the bytes of its code point (invalid UTF-8 in a URL). */
export function encodeParameter(value: string): string {
  let out = '';
  for (const c of value) {
    const unit = c.charCodeAt(0);
    out += c.length === 1 && unit >= 0xd800 && unit <= 0xdfff ? [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('') : encodeURIComponent(c);
  }
  return out;
}

function urlOf(template: string, params: Record<string, string>, query: Record<string, string>): string {
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeParameter(params[name]));
  const search = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeParameter(v)}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

