// The OpenAPI document integrators generate clients from: every path of the contract, its
// fields and vocabularies exactly as county-api.md names them, bearer auth, examples.
import { ANNUAL_REVIEW_RESULTS, BONUS_CATEGORIES, CASE_PROCEDURES, DUTIES, EQUIPMENT_TYPES, POSITIONS, ROOMS, STAFFING_TYPES, VETO_KINDS } from '../../src/domain/vocabulary.js';
import { documentedClasses, REQUIRED, RULE_TEXT } from '../../src/ingestion/validation/field-rules.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = { properties?: Record<string, { enum?: string[]; example?: unknown; type?: string; items?: { enum?: string[] } }>; required?: string[] };
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { tags?: string[]; security?: unknown[]; requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string }> };
};

// county-api.md, "Resources", in OpenAPI path syntax.
const CONTRACT: [string, string][] = [
  ['put', '/api/v1/stations/{code}'],
  ['get', '/api/v1/stations/{code}'],
  ['put', '/api/v1/stations/{code}/personnel'],
  ['patch', '/api/v1/stations/{code}/personnel'],
  ['delete', '/api/v1/stations/{code}/personnel/{externalId}'],
  ['put', '/api/v1/stations/{code}/equipment'],
  ['patch', '/api/v1/stations/{code}/equipment'],
  ['delete', '/api/v1/stations/{code}/equipment/{externalId}'],
  ['put', '/api/v1/stations/{code}/cases'],
  ['patch', '/api/v1/stations/{code}/cases'],
  ['delete', '/api/v1/stations/{code}/cases/{caseNumber}'],
  ['put', '/api/v1/stations/{code}/complaint-stats/{period}'],
  ['put', '/api/v1/stations/{code}/certifications/{year}'],
  ['post', '/api/v1/stations/{code}/bonus-events'],
  ['post', '/api/v1/stations/{code}/veto-events'],
  ['post', '/api/v1/stations/{code}/annual-reviews'],
  ['put', '/api/v1/reference/mediation-averages/{year}'],
  // "Rating rounds (applications)"
  ['get', '/api/v1/rounds'],
  ['get', '/api/v1/rounds/{roundId}'],
  ['get', '/api/v1/rounds/{roundId}/applications'],
  ['put', '/api/v1/rounds/{roundId}/applications/{stationCode}'],
  ['post', '/api/v1/rounds/{roundId}/applications/{stationCode}/submit'],
  ['post', '/api/v1/rounds/{roundId}/applications/{stationCode}/withdraw'],
  ['get', '/api/v1/rounds/{roundId}/applications/{stationCode}'],
];

// county-api.md, "Fields".
const FIELDS: Record<string, string[]> = {
  StationProfileDto: ['name', 'countyCode', 'approvedHeadcount', 'duties', 'premises'],
  PremisesDto: ['independent', 'rooms', 'internet', 'privateNetwork'],
  PersonDto: [
    'externalId', 'name', 'position', 'birthMonth', 'education', 'major', 'majorCategory', 'staffingType', 'enforcementCertNo',
    'specialEquipmentCert', 'hiredOn', 'secondedMonths', 'trainings', 'lastHealthCheckOn', 'informationAdministrator', 'disciplinaryRecords',
    'leftOn', // added with the departed-staff rule (people who leave are kept, with a date)
  ],
  SpecialEquipmentCertDto: ['number', 'class', 'expiresOn'],
  TrainingYearDto: ['year', 'offlineDays', 'offlineHours', 'onlineHours', 'provincialTrainings'],
  DisciplinaryRecordDto: ['date', 'kind', 'description'],
  EquipmentDto: ['externalId', 'type', 'quantity', 'status', 'acquiredOn'],
  CaseDto: [
    'caseNumber', 'procedure', 'target', 'violation', 'filedOn', 'decidedOn', 'closedOn', 'enteredOn', 'archived', 'publicised', 'fullProcessRecorded',
    'majorDecision', 'legalReviewed', 'fileReview', 'overturned', 'fineAmount', 'confiscationAmount', 'minorViolationExempted',
    'fileReviewedOn', 'overturnedOn', // added for 9① (the latest file review) and 9② (overturn dates)
  ],
  ComplaintCountsDto: [
    'complaintsReceived', 'complaintsCheckedOnTime', 'complaintsClosed', 'complaintsClosedOnTime', 'mediationsAttempted', 'mediationsSucceeded',
    'reportsReceived', 'reportsVerifiedOnTime', 'realNameReports', 'realNameReportersNotified',
  ],
  CertificationInputDto: ['items', 'certifiedBy', 'certifiedOn'],
  BonusEventDto: ['eventKey', 'category', 'level', 'date', 'subject', 'description', 'points'],
  VetoEventInputDto: ['kind', 'date', 'description', 'personExternalId'],
  AnnualReviewDto: ['year', 'subject', 'result'],
  MediationAverageInputDto: ['rate'],
  // rounds-api.md, "Draft body"
  ApplicationDraftDto: ['materials', 'missingItems', 'certification'],
  CriterionMaterialsDto: ['criterion', 'items'],
  MaterialItemDto: ['title', 'fileIds'],
  MissingItemDto: ['item', 'duty', 'reason'],
  RoundCertificationDto: ['items', 'remarks', 'certifiedBy', 'certifiedOn', 'sealedScanFileId'],
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Doc;
  });

  afterAll(async () => {
    await t.close();
  });

  test('is OpenAPI 3 with bearer authentication', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  test.each(CONTRACT)('lists %s %s, tagged and secured', (method, path) => {
    const operation = doc.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(operation.tags?.length).toBeGreaterThan(0);
    expect(operation.security).toEqual([{ bearer: [] }]);
    // submit and withdraw of an application are actions without a body.
    if (method !== 'get' && method !== 'delete' && !/\/(submit|withdraw)$/.test(path)) expect(operation.requestBody?.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
  });

  test.each(Object.entries(FIELDS))('%s has exactly the fields of the contract, each with an example or a type', (schema, fields) => {
    const properties = doc.components.schemas[schema].properties ?? {};
    expect(Object.keys(properties).sort()).toEqual([...fields].sort());
    for (const [name, property] of Object.entries(properties)) {
      expect({ name, documented: property.example !== undefined || property.type !== undefined || 'allOf' in property || '$ref' in property }).toEqual({ name, documented: true });
    }
  });

  test('enums are the domain vocabularies', () => {
    const s = doc.components.schemas;
    expect(s.PersonDto.properties!.position.enum).toEqual([...POSITIONS]);
    expect(s.PersonDto.properties!.staffingType.enum).toEqual([...STAFFING_TYPES]);
    expect(s.StationProfileDto.properties!.duties.items!.enum).toEqual([...DUTIES]);
    expect(s.PremisesDto.properties!.rooms.items!.enum).toEqual([...ROOMS]);
    expect(s.EquipmentDto.properties!.type.enum).toEqual([...EQUIPMENT_TYPES]);
    expect(s.CaseDto.properties!.procedure.enum).toEqual([...CASE_PROCEDURES]);
    expect(s.BonusEventDto.properties!.category.enum).toEqual([...BONUS_CATEGORIES]);
    expect(s.VetoEventInputDto.properties!.kind.enum).toEqual([...VETO_KINDS]);
    expect(s.AnnualReviewDto.properties!.result.enum).toEqual([...ANNUAL_REVIEW_RESULTS]);
  });

  test('nullable strings are strings, and Chinese sample values are there', () => {
    expect(doc.components.schemas.PersonDto.properties!.major.type).toBe('string');
    expect(doc.components.schemas.CaseDto.properties!.caseNumber.example).toBe('冀新市监处罚〔2025〕17号');
    expect(doc.components.schemas.PersonDto.required).toEqual(expect.arrayContaining(['externalId', 'name', 'position']));
  });

  test('the evidence file operations: a multipart upload of one binary part `file`, a binary download, a delete', () => {
    const files = doc.paths['/api/v1/files'] as unknown as Record<string, Record<string, unknown>>;
    const one = doc.paths['/api/v1/files/{id}'] as unknown as Record<string, Record<string, unknown>>;
    expect(files.post).toMatchObject({
      tags: ['files'],
      security: [{ bearer: [] }],
      requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
      responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/FileDescriptorDto' } } } } },
    });
    expect(Object.keys(files.post.responses as object)).toEqual(expect.arrayContaining(['201', '400', '401', '413', '415']));
    expect(Object.keys((one.get.responses as Record<string, { content?: object }>)['200'].content ?? {})).toEqual(expect.arrayContaining(['application/pdf', 'image/jpeg', 'application/ofd']));
    expect(Object.keys(one.get.responses as object)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(Object.keys(one.delete.responses as object)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(doc.components.schemas.FileDescriptorDto.properties ?? {}).sort()).toEqual(['contentType', 'id', 'name', 'sha256', 'size']);
  });

  test('the bulk endpoints are documented too', () => {
    for (const kind of ['personnel', 'equipment', 'cases']) expect(doc.paths[`/api/v1/bulk/${kind}`]?.post).toBeDefined();
  });

  test('every rule of every DTO is published as the validator enforces it: keywords, required fields, no unknown fields', () => {
    const schemas = doc.components.schemas as Record<string, Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> }>;
    const classes = documentedClasses().filter(({ ctor }) => schemas[(ctor as { name: string }).name]);
    expect(classes.length).toBeGreaterThanOrEqual(20);
    for (const { ctor, properties, schema: rules } of classes) {
      const name = (ctor as { name: string }).name;
      const schema = schemas[name];
      expect({ name, additionalProperties: schema.additionalProperties }).toEqual({ name, additionalProperties: false });
      expect({ name, rules: schema }).toMatchObject({ name, rules });
      const required = [...properties].filter(([, f]) => f[REQUIRED] === true).map(([p]) => p);
      expect({ name, required: [...((schema.required as string[] | undefined) ?? [])].sort() }).toEqual({ name, required: required.sort() });
      for (const [property, fragment] of properties) {
        const { [REQUIRED]: _r, [RULE_TEXT]: rule, ...keywords } = fragment;
        const published = schema.properties![property];
        // a nested DTO is its $ref (in allOf): `type: object` adds nothing there
        if (keywords.type === 'object' && published.allOf) delete keywords.type;
        expect({ name, property, published }).toMatchObject({ name, property, published: keywords.maxItems === '$maxBatchRows' ? { ...keywords, maxItems: 5000 } : keywords });
        if (rule) expect(String(published.description)).toContain(String(rule));
      }
    }
  });

  test('types, ranges, date ranges, cross-field rules and parameters are in the document', () => {
    const s = doc.components.schemas as unknown as Record<string, { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>>;
    expect(s.EquipmentDto.properties.quantity).toMatchObject({ type: 'integer', minimum: 1, maximum: 100000 });
    expect(s.PersonDto.properties.birthMonth).toMatchObject({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', 'x-minimum': '1900-01', 'x-maximum': 'today', nullable: true });
    expect(s.PersonDto.properties.hiredOn).toMatchObject({ format: 'date', 'x-maximum': 'today' });
    expect(s.SpecialEquipmentCertDto.properties.expiresOn).toMatchObject({ 'x-maximum': '2100-12-31' });
    expect(s.PersonDto.properties.trainings).toMatchObject({ type: 'array', maxItems: 50, 'x-unique-by': ['year'] });
    expect(s.PersonDto.properties.name).toMatchObject({ minLength: 1, maxLength: 100, pattern: expect.stringContaining('\\u202e') });
    expect(s.BonusEventDto.properties.points).toMatchObject({ type: 'number', minimum: 0, maximum: 10, multipleOf: 0.5 });
    expect(s.BonusEventDto['x-present-if']).toEqual({ points: { category: ['OTHER'] } });
    expect(s.CaseDto['x-not-before']).toEqual([
      ['filedOn', 'decidedOn'],
      ['decidedOn', 'closedOn'],
      ['filedOn', 'closedOn'],
      ['closedOn', 'fileReviewedOn'],
      ['decidedOn', 'overturnedOn'],
    ]);
    expect(s.CaseDto['x-present-if']).toEqual({ fileReviewedOn: { fileReview: ['PASSED', 'FAILED'] }, overturnedOn: { overturned: [true] } });
    expect(s.BulkPersonDto['x-not-before']).toEqual([['birthMonth', 'hiredOn'], ['hiredOn', 'leftOn']]);
    expect(s.ComplaintCountsDto['x-not-more-than']).toContainEqual(['complaintsClosed', 'complaintsReceived']);
    expect(s.PersonBatchDto.properties.items).toMatchObject({ maxItems: 5000, 'x-unique-by': ['externalId'] });
    const personOne = doc.paths['/api/v1/stations/{code}/personnel/{externalId}'].delete as unknown as { parameters: { name: string; schema: Record<string, unknown> }[] };
    expect(personOne.parameters.find((p) => p.name === 'code')!.schema).toMatchObject({ pattern: '^[A-Za-z0-9_-]{1,32}$', maxLength: 32 });
    expect(personOne.parameters.find((p) => p.name === 'externalId')!.schema).toMatchObject({ minLength: 1, maxLength: 64, pattern: expect.any(String) });
    const year = doc.paths['/api/v1/reference/mediation-averages/{year}'].put as unknown as { parameters: { name: string; schema: unknown }[]; 'x-roles': string[] };
    expect(year.parameters.find((p) => p.name === 'year')!.schema).toEqual({ type: 'integer', minimum: 1990, maximum: 2100 });
    expect(year['x-roles']).toEqual(['ADMIN']); // national reference data
  });

  test('people as reads answer them: the personal fields are optional and say who reads them', () => {
    const read = doc.components.schemas.PersonReadDto;
    expect(read.required ?? []).not.toContain('name');
    expect(JSON.stringify(read.properties!.name)).toMatch(/absent, not null/);
  });
});
