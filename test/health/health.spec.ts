import { createTestApp, type TestApp } from '../support/test-app.js';

describe('health and service identity', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  test('GET /health/live answers without touching dependencies', async () => {
    const res = await t.http().get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  test('GET /health/ready checks the database and the queue', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.details.database.status).toBe('up');
    expect(res.body.details.queue.status).toBe('up');
  });

  test('GraphQL answers and names its backends', async () => {
    const res = await t.graphql('{ about { service database queue timeZone } }').expect(200);
    expect(res.body.data.about).toEqual({
      service: 'station-scorecard',
      database: 'external',
      queue: t.config.queue.mode,
      timeZone: 'Asia/Shanghai',
    });
  });

  test('every response carries a request id, the caller\'s when given', async () => {
    const res = await t.http().get('/health/live').set('x-request-id', 'county-130102-42').expect(200);
    expect(res.headers['x-request-id']).toBe('county-130102-42');
  });

  test('an unknown route is a 404 in the error shape', async () => {
    const res = await t.http().get('/nope').expect(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(typeof res.body.error.requestId).toBe('string');
  });

  test('OpenAPI JSON is served', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
  });
});

describe('readiness with the queue unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A Redis URL on a port nothing listens on.
    t = await createTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(async () => {
    await t.close();
  });

  test('GET /health/ready is 503 and names the queue', async () => {
    const res = await t.http().get('/health/ready').expect(503);
    expect(res.body.details.queue.status).toBe('down');
    expect(res.body.details.database.status).toBe('up');
  });
});
