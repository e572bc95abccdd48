// Evidence file upload benchmark: N uploads of 1 MiB and of 10 MiB files over HTTP to the
// real app (POST /api/v1/files, multipart), one client at a time or several, with the local
// store or the S3 store (s3rver on this machine). Each upload is new content (random bytes
// behind a PDF header); then the same files again, which the store must not write twice.
// Reports MB/s of request bodies and the process's peak RSS (app and client in one process).
//
//   npm run build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node dist/bench/files/run.js [--count 20] [--sizes 1,10] [--concurrency 1] [--store local|s3]
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { adminQuery, createScratchDatabase, dropScratchDatabase } from '../support/database.js';
import { memoryOf } from '../support/process.js';

interface Options {
  count: number;
  sizes: number[];
  concurrency: number;
  store: 'local' | 's3';
}

function options(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = Number(value('count') ?? 20);
  const sizes = (value('sizes') ?? '1,10').split(',').map(Number);
  const concurrency = Number(value('concurrency') ?? 1);
  const store = value('store') ?? 'local';
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (sizes.some((s) => !(s > 0 && s <= 20))) throw new Error('--sizes: MiB values in (0, 20]');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');
  if (store !== 'local' && store !== 's3') throw new Error('--store local|s3');
  return { count, sizes, concurrency, store };
}


/** A file of `bytes` that the service recognises as a PDF, different for every seed. */
function pdfLike(bytes: number, seed: number): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  // Random blocks repeated: different per seed, cheap to make for 10 MiB.
  const block = createHash('sha512').update(`bench ${seed}`).digest();
  for (let at = 0; at < bytes; at += block.length) block.copy(buffer, at);
  randomBytes(64).copy(buffer, 64);
  buffer.write(`%PDF-1.4\n%${seed}\n`, 0, 'latin1');
  return buffer;
}

function upload(port: number, key: string, file: Buffer, name: string): Promise<{ status: number; ms: number }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/files',
        headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + file.length + tail.length) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(head);
    req.write(file);
    req.end(tail);
  });
}

async function run(port: number, key: string, sizeMiB: number, o: Options, seedBase: number): Promise<Record<string, string | number>> {
  const bytes = Math.round(sizeMiB * 1024 * 1024);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < o.count) {
      const i = next++;
      const { status, ms } = await upload(port, key, pdfLike(bytes, seedBase + i), `基准-${sizeMiB}MiB-${i}.pdf`);
      if (status !== 201) throw new Error(`upload ${i} of ${sizeMiB} MiB: HTTP ${status}`);
      latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const mb = (bytes * o.count) / 1e6;
  return {
    'MiB each': sizeMiB,
    uploads: o.count,
    clients: o.concurrency,
    MB: Number(mb.toFixed(1)),
    seconds: Number(seconds.toFixed(2)),
    'MB/s': Number((mb / seconds).toFixed(1)),
    'p50 ms': Math.round(latencies[Math.floor(latencies.length / 2)]),
    'max ms': Math.round(latencies[latencies.length - 1]),
  };
}


async function startS3(dir: string): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const { createRequire } = await import('node:module');
  type S3rver = new (o: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> };
  const S3rverClass = createRequire(import.meta.url)('s3rver') as S3rver;
  const server = new S3rverClass({ port: 0, address: '127.0.0.1', directory: dir, silent: true });
  const { port } = await server.run();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return {
    env: { FILES_S3_ENDPOINT: `http://127.0.0.1:${port}`, FILES_S3_BUCKET: 'bench-evidence', FILES_S3_ACCESS_KEY_ID: 'S3RVER', FILES_S3_SECRET_ACCESS_KEY: 'S3RVER' },
    stop: () => server.close(),
  };
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('needs DATABASE_URL (a server where this user may CREATE DATABASE)');
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; store ${o.store}`);
  const { runMigrations } = await import('../../src/database/migrate.js');
  const { startBenchApi } = await import('../support/api.js');
  const { ApiKeyService } = await import('../../src/auth/api-key.service.js');
  const name = `ss_bench_files_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-files-'));
  const url = new URL(await createScratchDatabase(adminUrl, name));
  const s3 = o.store === 's3' ? await startS3(path.join(dir, 's3')) : null;
  try {
    await runMigrations(url.toString());
    await adminQuery(url.toString(), `INSERT INTO region (code, name, level, parent_code) VALUES ('130000', '河北省', 'PROVINCE', NULL), ('130100', '石家庄市', 'CITY', '130000'), ('130102', '长安区', 'COUNTY', '130100')`);
    const { app, port } = await startBenchApi({ DATABASE_URL: url.toString(), QUEUE_PREFIX: name, FILES_DIR: path.join(dir, 'files'), ...s3?.env });
    try {
      const key = (await app.get(ApiKeyService).create('COUNTY', '130102', 'bench')).key;
      const rows: Record<string, string | number>[] = [];
      for (const [i, size] of o.sizes.entries()) {
        rows.push({ pass: 'new content', ...(await run(port, key, size, o, i * 1_000_000)) });
        rows.push({ pass: 'same again', ...(await run(port, key, size, o, i * 1_000_000)) });
      }
      console.table(rows);
      console.log(`peak RSS (app and client): ${Math.round(memoryOf().peakMb)} MB; load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    } finally {
      await app.close();
    }
  } finally {
    await s3?.stop();
    await dropScratchDatabase(adminUrl, name);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
