export { runCli } from "./cli";
export type { CliEnvironment } from "./cli";
export { loadConfig, ConfigError } from "./config";
export type { Config } from "./config";
