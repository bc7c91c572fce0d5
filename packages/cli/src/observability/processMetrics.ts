// One MetricRecorder per process. main.ts loads the configuration once per process, so keying on
// the Config object gives `updraft standalone` one registry shared by its scheduler, executor and
// API, while commands started side by side in one test process each get their own.
import type { Config } from "../config";
import { MetricRecorder } from "./metricRecorder";

const recorders = new WeakMap<Config, MetricRecorder>();

/** This process's recorder, or null when UPDRAFT_METRICS_ENABLED is not true. */
export function processMetrics(config: Config): MetricRecorder | null {
  if (!config.metrics.enabled) return null;
  let recorder = recorders.get(config);
  if (recorder === undefined) {
    recorder = new MetricRecorder();
    recorders.set(config, recorder);
  }
  return recorder;
}
