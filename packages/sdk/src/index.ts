// @updraft/sdk: what DAG authors import. Named exports only; anything not listed is private.

// DAGs, tasks, dependencies
export { Dag, dag } from "./dag";
export type { DagOptions } from "./dag";
export { task } from "./task";
export { TaskFlowOperator } from "./taskflow";
export type { Inputs, MapInputs, TaskFactory, TaskFunction, TaskOptions } from "./taskflow";
export { BaseOperator, MappedOperator, OperatorPartial } from "./operator";
export type { ExpandInput, MapInput, OperatorOptions, OptionsOf, PartialOptions } from "./operator";
export { TaskGroup, taskGroup } from "./taskGroup";
export type { TaskGroupOptions } from "./taskGroup";
export { chain, crossDownstream, parallel, TaskList } from "./dependencies";
export type { Dependable } from "./dependencies";
export { XComArg } from "./xcom";
export type { TaskInput } from "./xcom";
export { collectDags } from "./dagContext";

// Operators and sensors
export { EmptyOperator } from "./operators/empty";
export { BashOperator } from "./operators/bash";
export type { BashOperatorOptions } from "./operators/bash";
export { BaseBranchOperator, BranchTaskFlowOperator } from "./operators/branch";
export { branchSkipIds, shortCircuitSkipIds } from "./operators/branching";
export type { BranchChoice } from "./operators/branching";
export { ShortCircuitOperator, ShortCircuitTaskFlowOperator } from "./operators/shortCircuit";
export type { ShortCircuitOperatorOptions, ShortCircuitOptions } from "./operators/shortCircuit";
export { BaseSensorOperator, compileSensorOptions, nextPokeIntervalMs } from "./sensors/baseSensor";
export type {
  BaseSensorOptions,
  PokeResult,
  ResolvedSensorOptions,
  SensorOptions,
} from "./sensors/baseSensor";
export { SensorTaskFlowOperator } from "./sensors/taskflowSensor";

// Task arguments, trigger rules, states
export { compileTaskArgs, DEFAULT_POOL, DEFAULT_QUEUE } from "./taskArgs";
export type { CallbackKind, ResolvedTaskArgs, TaskArgs } from "./taskArgs";
export { isTriggerRule, isWeightRule, TRIGGER_RULES, TriggerRule, WeightRule } from "./triggerRule";
export {
  DagRunState,
  DagRunTriggeredByType,
  DagRunType,
  FAILED_STATES,
  FINISHED_STATES,
  isFinishedState,
  SUCCESS_STATES,
  TaskInstanceState,
} from "./state";
export type { TaskInstanceStateOrNone } from "./state";
export { formatDuration, toMilliseconds } from "./duration";
export type { Duration } from "./duration";

// Mapping
export {
  decideExpansion,
  DEFAULT_MAX_MAP_LENGTH,
  indexesForMapIndex,
  valuesForMapIndex,
} from "./mapping";
export type { ExpansionDecision } from "./mapping";
export { MappingError } from "./mappingError";

// Execution context (implemented by the worker)
export { XCOM_RETURN_KEY } from "./context";
export type {
  CallbackContext,
  CommandResult,
  DagCallback,
  DagCallbackContext,
  NotificationRequest,
  NotificationSink,
  TaskCallback,
  TaskContext,
  TaskInstanceHandle,
  TaskLogger,
  TaskRuntime,
  XComPullOptions,
} from "./context";
export { executeTask } from "./execution";
export type { TaskExecution } from "./execution";

// Schedules and timetables
export { createTimetable } from "./schedule";
export type { CreateTimetableOptions, Schedule } from "./schedule";
export { isValidTimezone, parseDate } from "./dates";
export { generateRunId, runTypeFromRunId } from "./runId";
export type { GenerateRunIdOptions } from "./runId";
export { AssetTriggeredTimetable } from "./timetables/assetTriggeredTimetable";
export { enumerateDueRuns } from "./timetables/catchup";
export type { EnumerateDueRunsInput } from "./timetables/catchup";
export { ContinuousTimetable } from "./timetables/continuousTimetable";
export { CronDataIntervalTimetable } from "./timetables/cronDataIntervalTimetable";
export type { CronDataIntervalTimetableOptions } from "./timetables/cronDataIntervalTimetable";
export { CronExpression, CRON_PRESETS } from "./timetables/cronExpression";
export { CronTriggerTimetable } from "./timetables/cronTriggerTimetable";
export type { CronTriggerTimetableOptions } from "./timetables/cronTriggerTimetable";
export { DeltaDataIntervalTimetable } from "./timetables/deltaDataIntervalTimetable";
export { DeltaTriggerTimetable } from "./timetables/deltaTriggerTimetable";
export type { DeltaTriggerTimetableOptions } from "./timetables/deltaTriggerTimetable";
export { deserializeTimetable } from "./timetables/deserializeTimetable";
export { NullTimetable } from "./timetables/nullTimetable";
export { OnceTimetable } from "./timetables/onceTimetable";
export type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  TimeRestriction,
  Timetable,
  TimetableType,
} from "./timetables/timetable";

// Assets
export {
  allOf,
  anyOf,
  Asset,
  assetUris,
  isAssetConditionMet,
  serializeAssetCondition,
} from "./assets";
export type { AssetCondition, SerializedAssetCondition } from "./assets";

// Templating and params
export { renderTemplate, renderTemplateFields } from "./templating";
export { buildTemplateContext } from "./templateContext";
export type { TemplateContextInput } from "./templateContext";
export { Connection } from "./connection";
export { parseConnection } from "./parseConnection";
export { formatIssues } from "./formatIssues";
export { isSensitiveName, SENSITIVE_NAMES } from "./sensitiveNames";
export type { SchemaIssue } from "./formatIssues";
export type { ConnectionAccessor, VariableAccessor } from "./connection";
export { compileParams, resolveParams, serializeParams, deserializeParams } from "./params";
export type { CompiledParams, ParamSpec, ParamsDefinition } from "./params";

// Serialization
export { deserializeDag, serializeDag, serializeTask, timetableOf } from "./serialize";
export { SERIALIZATION_VERSION } from "./serializedDag";
export type {
  SerializedAsset,
  SerializedDag,
  SerializedDagBody,
  SerializedTask,
  SerializedTaskGroup,
} from "./serializedDag";

// Errors
export {
  AirflowException,
  AirflowFailException,
  AirflowRescheduleException,
  AirflowSensorTimeout,
  AirflowSkipException,
  AirflowTaskTimeout,
  DagDefinitionError,
  hasErrorCode,
  UpdraftError,
} from "./errors";
export type { SdkErrorCode } from "./errors";
export { pythonIsoformat, pythonStr } from "./isoformat";
