// What loadConfig refuses in `env`: its problem lines, or none.
import { ConfigError, loadConfig } from "../../src";

export function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, "/srv");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
