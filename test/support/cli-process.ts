// The `scorecard` command as its own process, from the sources (bin/scorecard.js runs the
// same main() from dist/): for tests that need a CLI run in another process.
import { main } from '../../src/cli/scorecard.js';

await main();
