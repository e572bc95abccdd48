// `node --import ./test/support/ts-loader/register.mjs some.ts`: runs the project's
// TypeScript sources directly (with the same SWC settings as Jest), so that tests can
// start real child processes (a worker to kill, a server to stop) without a build step.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
