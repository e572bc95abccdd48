// Jest runs the TypeScript sources as native ESM through @swc/jest, with the SWC settings
// of the runnable build (scripts/swc-options.mjs). NODE_OPTIONS=--experimental-vm-modules
// is set by `npm test`.
import { swcOptions } from './scripts/swc-options.mjs';

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions({ sourceMaps: 'inline' })] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Every test file loads the app's module graph into a new VM context, and Jest's ESM
  // support does not give those back: a worker reached 1.2-1.4 GB by the end of a run, and
  // tearing such a heap down took 800 ms, past Jest's 500 ms ("a worker process has failed to
  // exit gracefully"; its handles were all closed). A worker whose heap passes this after a
  // file is replaced by a fresh one: the last ones end near 270 MB and exit in under 100 ms,
  // and the whole run is no slower (160 s against 174-210 s, loaded machine).
  workerIdleMemoryLimit: '450MB',
  // A worker that ends with a heap near that limit can still need more than Jest's default
  // 500 ms to exit on a loaded 2-core machine (its handles are closed; the heap teardown is
  // what takes the time), and Jest then reports it as leaking. 3 s leaves room for that and
  // still catches a worker kept alive by an open handle.
  workerGracefulExitTimeout: 3000,
};
