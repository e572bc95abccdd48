#!/usr/bin/env node
// `npm run build`: transpiles src/, migrations/ and bench/ into dist/ with SWC, one file at a
// time and only the files whose output is missing or older than their source, so that
// `npm start` and every `scorecard` command start at once when nothing changed. Outputs of
// deleted sources are removed; a change of the SWC version or options rebuilds everything.
// Types are checked apart, by `npm run typecheck` (tsc --noEmit), as CI does.
//
//   node scripts/build.mjs [--clean] [--quiet]
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { swcOptions } from './swc-options.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist');
const SOURCES = ['src', 'migrations', 'bench'];
const INFO = path.join(OUT, '.build-info.json');

/**
 * Brings dist/ up to date; answers the number of files written. Loads SWC only when there is
 * something to compile, so a current dist/ needs no dev dependency at all.
 */
export async function build({ clean = false, log = () => undefined } = {}) {
  const started = Date.now();
  const fingerprint = buildFingerprint();
  const previous = existsSync(INFO) ? await readFile(INFO, 'utf8').catch(() => '') : '';
  if (clean || previous.trim() !== JSON.stringify(fingerprint)) await rm(OUT, { recursive: true, force: true });

  const sources = (await Promise.all(SOURCES.map((dir) => listFiles(path.join(ROOT, dir))))).flat().filter(isCompiled);
  const expected = new Set(sources.map((source) => outputOf(source)));
  const removed = await removeStale(expected);
  const stale = [];
  for (const source of sources) if (await isStale(source)) stale.push(source);
  if (stale.length > 0) {
    const swc = await loadSwc();
    // SWC transforms on its own thread pool; a few dozen files in flight keep it busy.
    for (let i = 0; i < stale.length; i += 32) await Promise.all(stale.slice(i, i + 32).map((source) => compile(swc, source)));
  }
  await mkdir(OUT, { recursive: true });
  await writeAtomically(INFO, JSON.stringify(fingerprint) + '\n');
  if (stale.length > 0 || removed > 0) log(`build: ${stale.length} of ${sources.length} files compiled${removed ? `, ${removed} removed` : ''} in ${Date.now() - started} ms`);
  return stale.length;
}

function isCompiled(file) {
  return file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.spec.ts') && !file.split(path.sep).includes('__tests__');
}

function outputOf(source) {
  return path.join(OUT, path.relative(ROOT, source)).replace(/\.ts$/, '.js');
}

async function isStale(source) {
  const output = await stat(outputOf(source)).catch(() => null);
  return output === null || output.mtimeMs < (await stat(source)).mtimeMs;
}

async function compile(swc, source) {
  const output = outputOf(source);
  const { code, map } = await swc.transformFile(source, {
    ...swcOptions({ sourceMaps: true }),
    sourceFileName: path.relative(path.dirname(output), source),
    swcrc: false,
    configFile: false,
  });
  await mkdir(path.dirname(output), { recursive: true });
  await writeAtomically(`${output}.map`, map);
  await writeAtomically(output, `${code}\n//# sourceMappingURL=${path.basename(output)}.map\n`);
}

/** Two builds at once (a test and a terminal) never leave a half-written file. */
async function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Deletes outputs (and their maps) whose source is gone; answers how many. */
async function removeStale(expected) {
  let removed = 0;
  for (const file of await listFiles(OUT)) {
    const js = file.endsWith('.js.map') ? file.slice(0, -4) : file;
    if (!js.endsWith('.js') || expected.has(js) || file.endsWith('.tmp')) continue;
    await rm(file, { force: true });
    if (file === js) removed++;
  }
  return removed;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** What the outputs depend on besides the sources: the SWC version and options. */
function buildFingerprint() {
  const require = createRequire(import.meta.url);
  let swcVersion = 'absent';
  try {
    swcVersion = require('@swc/core/package.json').version;
  } catch {
    // Without dev dependencies nothing can be compiled; a current dist/ still runs.
  }
  const options = createHash('sha256').update(JSON.stringify(swcOptions({ sourceMaps: true }))).digest('hex').slice(0, 16);
  return { swc: swcVersion, options };
}

async function loadSwc() {
  try {
    return await import('@swc/core');
  } catch {
    throw new Error('dist/ is out of date and @swc/core is not installed: run `npm install` (with dev dependencies) first');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--clean' && arg !== '--quiet');
  if (unknown.length > 0) {
    console.error(`build: unknown argument ${unknown[0]}\nusage: node scripts/build.mjs [--clean] [--quiet]`);
    process.exit(2);
  }
  build({ clean: args.includes('--clean'), log: args.includes('--quiet') ? undefined : (line) => console.error(line) }).catch((error) => {
    console.error(`build: ${error.message}`);
    process.exit(1);
  });
}
