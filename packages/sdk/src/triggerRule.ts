// Airflow 3's trigger rules: when a task runs given the states of its direct upstream tasks.
// The evaluation itself is a pure decision in @updraft/engine; this file holds the vocabulary.

/**
 * The 12 trigger rules of Airflow 3 for ordinary tasks, with Airflow's exact strings.
 * (`all_done_setup_success` belongs to setup/teardown tasks, which Updraft does not have yet.)
 */
export const TriggerRule = {
  ALL_SUCCESS: "all_success",
  ALL_FAILED: "all_failed",
  ALL_DONE: "all_done",
  ALL_DONE_MIN_ONE_SUCCESS: "all_done_min_one_success",
  ALL_SKIPPED: "all_skipped",
  ONE_SUCCESS: "one_success",
  ONE_FAILED: "one_failed",
  ONE_DONE: "one_done",
  NONE_FAILED: "none_failed",
  NONE_FAILED_MIN_ONE_SUCCESS: "none_failed_min_one_success",
  NONE_SKIPPED: "none_skipped",
  ALWAYS: "always",
} as const;
export type TriggerRule = (typeof TriggerRule)[keyof typeof TriggerRule];

/** Every trigger rule, in Airflow's documentation order. */
export const TRIGGER_RULES: readonly TriggerRule[] = Object.values(TriggerRule);

/** True when `value` is one of Airflow's trigger rule strings. */
export function isTriggerRule(value: unknown): value is TriggerRule {
  return typeof value === "string" && (TRIGGER_RULES as readonly string[]).includes(value);
}

/** How a task's effective priority weight is computed from the graph. */
export const WeightRule = {
  DOWNSTREAM: "downstream",
  UPSTREAM: "upstream",
  ABSOLUTE: "absolute",
} as const;
export type WeightRule = (typeof WeightRule)[keyof typeof WeightRule];

/** True when `value` is one of Airflow's weight rule strings. */
export function isWeightRule(value: unknown): value is WeightRule {
  return typeof value === "string" && (Object.values(WeightRule) as string[]).includes(value);
}
