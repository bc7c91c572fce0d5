// Airflow 3's DAG run ids: `<run type>__<run_after in Python isoformat>`, plus a random suffix for
// runs created without a logical date (asset-triggered runs), and the run type read back.
import { pythonIsoformat } from "./isoformat";
import { DagRunType } from "./state";

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Options of `generateRunId`. */
export interface GenerateRunIdOptions {
  /**
   * Append `_` + a random string, as Airflow's `DagRun.generate_run_id` does for runs created
   * without a logical date (asset-triggered runs; TriggerDagRunOperator without logical date).
   * @default runType === "asset_triggered"
   */
  readonly randomSuffix?: boolean;
  /**
   * Source of the random suffix (8 characters of [A-Za-z0-9] in Airflow). Pass one to make ids
   * reproducible.
   * @default randomRunIdSuffix
   */
  readonly random?: () => string;
}

/** 8 random characters of [A-Za-z0-9], Airflow's `get_random_string()`. */
export function randomRunIdSuffix(random: () => number = Math.random): string {
  let suffix = "";
  for (let i = 0; i < 8; i++)
    suffix += ALPHANUMERIC.charAt(Math.floor(random() * ALPHANUMERIC.length));
  return suffix;
}

/**
 * The run id Airflow 3 gives a run: `scheduled__2026-01-01T00:00:00+00:00`,
 * `manual__2025-01-13T04:33:58.387000+00:00`, `asset_triggered__2026-01-01T00:00:00+00:00_Ab3dE9xZ`.
 * The date is always `runAfter`, never the logical date.
 */
export function generateRunId(
  runType: DagRunType,
  runAfter: Date,
  options: GenerateRunIdOptions = {},
): string {
  const base = `${runType}__${pythonIsoformat(runAfter)}`;
  const withSuffix = options.randomSuffix ?? runType === DagRunType.ASSET_TRIGGERED;
  if (!withSuffix) return base;
  return `${base}_${(options.random ?? randomRunIdSuffix)()}`;
}

const RUN_TYPES: readonly DagRunType[] = Object.values(DagRunType);

/** The run type a run id starts with (`scheduled__…` → "scheduled"); "manual" if none does. */
export function runTypeFromRunId(runId: string): DagRunType {
  return RUN_TYPES.find((type) => runId.startsWith(`${type}__`)) ?? DagRunType.MANUAL;
}
