// @updraft/engine: pure scheduling decisions (trigger rules, retry timing, priority weights,
// readiness and DAG run state). Named exports only, so the public surface stays deliberate.
export { countUpstreamStates } from "./deps/upstreamCounts";
export type { UpstreamCounts } from "./deps/upstreamCounts";
export { evaluateTriggerRule } from "./deps/triggerRule";
export type { TriggerRuleOptions, TriggerRuleVerdict } from "./deps/triggerRule";
export {
  DEFAULT_MAX_TASK_RETRY_DELAY_MS,
  isEligibleToRetry,
  isReadyForRetry,
  nextRetryDatetime,
  retryDelayMs,
} from "./retryDelay";
export type { RetryDelayInput, RetryEligibilityInput } from "./retryDelay";
export {
  PRIORITY_WEIGHT_MAX,
  PRIORITY_WEIGHT_MIN,
  effectivePriorityWeights,
} from "./priorityWeight";
export type { WeightedTask } from "./priorityWeight";
export { decideReadiness, propagateToFixpoint } from "./readiness";
export type { PropagationResult, ReadinessDecision, ReadinessTask, RunSnapshot } from "./readiness";
export { decideDagRunState, isProgressingState, leafTaskIds } from "./dagRunState";
export type { DagRunStateDecision } from "./dagRunState";
export { aggregateTaskState, planTaskInstances } from "./plan/taskInstanceReadiness";
export type {
  InstanceChange,
  InstanceState,
  InstancesPlan,
  InstancesSnapshot,
} from "./plan/taskInstanceReadiness";
export { checkPreviousRunDeps } from "./plan/previousRunDeps";
export type { PreviousRunDepsInput } from "./plan/previousRunDeps";
export { mappedInputsOf } from "./plan/mappedInputs";
export type { MappedInput } from "./plan/mappedInputs";
export { isDagRunTimedOut, planRunCreation } from "./plan/runCreation";
export type { PlannedRun, RunCreationInput, RunCreationPlan } from "./plan/runCreation";
