#!/usr/bin/env node
// `scorecard <command> …` (package.json "bin"): `npx scorecard …` in a checkout, `scorecard …`
// in the image. In a checkout it first brings dist/ up to date, compiling only what changed
// (scripts/build.mjs: nothing when dist/ is current); the image ships dist/ alone.
import { existsSync } from 'node:fs';

process.setSourceMapsEnabled(true);
const checkout = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(checkout) && existsSync(new URL('../src/', import.meta.url))) {
  const { build } = await import(checkout.href);
  try {
    // Build messages go to stderr: `scorecard generate > file` stays pure NDJSON.
    await build({ log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    process.stderr.write(`scorecard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const { main } = await import('../dist/src/cli/scorecard.js');
await main();
