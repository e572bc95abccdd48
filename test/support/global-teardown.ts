import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__scorecardTestServices;
  if (!services) return;
  await adminQuery(services.adminUrl, `DROP DATABASE IF EXISTS "${services.template}" WITH (FORCE)`).catch(() => undefined);
  services.redis?.kill();
  await services.embedded?.stop();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
