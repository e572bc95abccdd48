import type { CliCommand } from '../command.js';
import { generate, USAGE } from '../generate.js';

export const command: CliCommand = {
  summary: 'write a synthetic province as NDJSON, or load it into the database (--load)',
  usage: USAGE,
  run: (argv, io) => generate(argv, io),
};
