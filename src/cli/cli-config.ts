import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { CliFailure, type Env } from './command.js';

/** The validated configuration of a CLI command, or one failure line naming each bad variable. */
export function cliConfig(env: Env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(`invalid configuration: ${error.problems.join('; ')}`);
    throw error;
  }
}
