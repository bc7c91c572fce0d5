// @updraft/store: the metadata database. Named exports only.
export type { QueryResult, Row, SqlClient, TransactionOptions } from "./sqlClient";
export { createPgClient } from "./pg/pgClient";
export type { PgClientOptions } from "./pg/pgClient";
export { createPgliteClient } from "./pglite/pgliteClient";
export type { PgliteClientOptions } from "./pglite/pgliteClient";
export { migrate, resetDatabase } from "./migrate";
export type { MigrationReport } from "./migrate";
export { MIGRATIONS } from "./migrations";
export { migrateUrl, SCHEMA_KEY } from "./migrateUrl";
export { notifyScheduler, SCHEDULER_CHANNEL } from "./notifications";
export type { SchedulerWakeReason } from "./notifications";
export type { Migration } from "./migrations";

// XCom, task logs, variables, connections, pools, import errors, assets, jobs, audit log
export { setXcom } from "./queries/xcom/setXcom";
export type { SetXcomInput } from "./queries/xcom/setXcom";
export { clearTaskInstanceXcoms } from "./queries/xcom/clearTaskInstanceXcoms";
export type { ClearTaskInstanceXcomsInput } from "./queries/xcom/clearTaskInstanceXcoms";
export { pullXcoms } from "./queries/xcom/pullXcoms";
export type { PullXcomsInput } from "./queries/xcom/pullXcoms";
export { listXcomEntries } from "./queries/xcom/listXcomEntries";
export type { ListXcomEntriesInput, XcomEntriesPage } from "./queries/xcom/listXcomEntries";
export { appendTaskLogs } from "./queries/logs/appendTaskLogs";
export type {
  TaskLogLine,
  AppendTaskLogsInput,
  AppendTaskLogsResult,
} from "./queries/logs/appendTaskLogs";
export { readTaskLogs } from "./queries/logs/readTaskLogs";
export type { ReadTaskLogsInput, TaskLogsPage } from "./queries/logs/readTaskLogs";
export { setVariable } from "./queries/variables/setVariable";
export type { SetVariableInput } from "./queries/variables/setVariable";
export { getVariable } from "./queries/variables/getVariable";
export { deleteVariable } from "./queries/variables/deleteVariable";
export { listVariables } from "./queries/variables/listVariables";
export type { ListVariablesInput, VariablesPage } from "./queries/variables/listVariables";
export { createConnection } from "./queries/connections/createConnection";
export type { CreateConnectionInput } from "./queries/connections/createConnection";
export { updateConnection } from "./queries/connections/updateConnection";
export type { UpdateConnectionInput } from "./queries/connections/updateConnection";
export { getConnection } from "./queries/connections/getConnection";
export { deleteConnection } from "./queries/connections/deleteConnection";
export { listConnections } from "./queries/connections/listConnections";
export type { ListConnectionsInput, ConnectionsPage } from "./queries/connections/listConnections";
export { createPool } from "./queries/pools/createPool";
export type { CreatePoolInput } from "./queries/pools/createPool";
export { updatePool } from "./queries/pools/updatePool";
export type { UpdatePoolInput } from "./queries/pools/updatePool";
export { deletePool } from "./queries/pools/deletePool";
export { getPool } from "./queries/pools/getPool";
export { listPoolsWithOccupancy } from "./queries/pools/listPoolsWithOccupancy";
export type { ListPoolsInput, PoolsPage } from "./queries/pools/listPoolsWithOccupancy";
export { replaceImportErrors } from "./queries/importErrors/replaceImportErrors";
export type {
  FileImportError,
  ReplaceImportErrorsInput,
  ReplaceImportErrorsResult,
} from "./queries/importErrors/replaceImportErrors";
export { listImportErrors } from "./queries/importErrors/listImportErrors";
export type {
  ListImportErrorsInput,
  ImportErrorsPage,
} from "./queries/importErrors/listImportErrors";
export { syncAssetReferences } from "./queries/assets/syncAssetReferences";
export type { SyncAssetReferencesInput } from "./queries/assets/syncAssetReferences";
export { recordAssetEvents } from "./queries/assets/recordAssetEvents";
export type {
  AssetEventInput,
  RecordAssetEventsInput,
  RecordAssetEventsResult,
} from "./queries/assets/recordAssetEvents";
export { claimAssetTriggeredDags } from "./queries/assets/claimAssetTriggeredDags";
export type { AssetTriggeredDag } from "./queries/assets/claimAssetTriggeredDags";
export { consumeAssetDagRunQueue } from "./queries/assets/consumeAssetDagRunQueue";
export type { ConsumeAssetDagRunQueueInput } from "./queries/assets/consumeAssetDagRunQueue";
export { listAssets } from "./queries/assets/listAssets";
export type { ListAssetsInput, AssetsPage } from "./queries/assets/listAssets";
export { listAssetEvents } from "./queries/assets/listAssetEvents";
export type { ListAssetEventsInput, AssetEventsPage } from "./queries/assets/listAssetEvents";
export { registerJob } from "./queries/jobs/registerJob";
export type { RegisterJobInput } from "./queries/jobs/registerJob";
export { heartbeatJob } from "./queries/jobs/heartbeatJob";
export type { HeartbeatJobInput } from "./queries/jobs/heartbeatJob";
export { endJob } from "./queries/jobs/endJob";
export type { EndJobInput } from "./queries/jobs/endJob";
export { listLiveJobs } from "./queries/jobs/listLiveJobs";
export type { ListLiveJobsInput } from "./queries/jobs/listLiveJobs";
export { recordAuditEvent } from "./queries/auditLog/recordAuditEvent";
export type { RecordAuditEventInput } from "./queries/auditLog/recordAuditEvent";
export type { XcomEntryRow, XcomListEntryRow, XcomRow } from "./rows/xcomRow";
export type { TaskLogRow } from "./rows/taskLogRow";
export type { VariableRow } from "./rows/variableRow";
export type { ConnectionFields, ConnectionRow } from "./rows/connectionRow";
export type { PoolRow, PoolWithOccupancyRow } from "./rows/poolRow";
export type { ImportErrorRow } from "./rows/importErrorRow";
export type {
  AssetRef,
  AssetDefinition,
  AssetRow,
  AssetProducingTask,
  AssetWithReferencesRow,
  AssetEventRow,
  QueuedAssetRow,
} from "./rows/assetRow";
export type { JobState, JobRow } from "./rows/jobRow";

// Scheduling passes: mapped expansion, previous runs, timers
export { expandMappedTaskInstance } from "./queries/scheduling/expandMappedTaskInstance";
export type { ExpandMappedTaskInstanceInput } from "./queries/scheduling/expandMappedTaskInstance";
export { xcomListLengths } from "./queries/scheduling/xcomListLengths";
export type { XcomRef } from "./queries/scheduling/xcomListLengths";
export { latestAutomatedDataInterval } from "./queries/scheduling/latestAutomatedDagRun";
export { previousRunInstances } from "./queries/scheduling/previousRunInstances";
export { schedulerTimers } from "./queries/scheduling/schedulerTimers";
export type { SchedulerTimers } from "./queries/scheduling/schedulerTimers";
export { dueReschedules } from "./queries/scheduling/dueReschedules";
export { taskInstanceStates } from "./queries/scheduling/taskInstanceStates";
export type { TaskInstanceStateRow } from "./queries/scheduling/taskInstanceStates";
export { serializedDagHashes } from "./queries/scheduling/serializedDagHashes";
export { runProgress } from "./queries/scheduling/runProgress";
export type { RunProgress } from "./queries/scheduling/runProgress";

// DAGs
export { syncDag } from "./queries/dags/syncDag";
export type { SyncDagInput, SyncDagResult } from "./queries/dags/syncDag";
export { markStaleDags } from "./queries/dags/markStaleDags";
export type { MarkStaleDagsInput } from "./queries/dags/markStaleDags";

// Errors, DAGs, runs, task instances
export { StoreError } from "./storeError";
export type { StoreErrorCode } from "./storeError";
export type { DagRow, SerializedDagRow } from "./rows/dagRow";
export type { DagRunRow } from "./rows/dagRunRow";
export type { TaskInstanceKey, TaskInstanceRow } from "./rows/taskInstanceRow";
export { getDag } from "./queries/dags/getDag";
export { getSerializedDag } from "./queries/dags/getSerializedDag";
export { listSchedulableDags } from "./queries/dags/listSchedulableDags";
export type { ListSchedulableDagsInput } from "./queries/dags/listSchedulableDags";
export { setDagPaused } from "./queries/dags/setDagPaused";
export type { SetDagPausedInput } from "./queries/dags/setDagPaused";
export { setNextDagRun } from "./queries/dags/setNextDagRun";
export type { SetNextDagRunInput } from "./queries/dags/setNextDagRun";
export { createDagRun } from "./queries/runs/createDagRun";
export type { CreateDagRunInput, CreatedDagRun } from "./queries/runs/createDagRun";
export { getDagRun } from "./queries/runs/getDagRun";
export type { GetDagRunInput } from "./queries/runs/getDagRun";
export { listDagRuns } from "./queries/runs/listDagRuns";
export type { ListDagRunsInput } from "./queries/runs/listDagRuns";
export { countActiveDagRuns } from "./queries/runs/countActiveDagRuns";
export type { ActiveDagRunCount } from "./queries/runs/countActiveDagRuns";
export { claimDagRunsToSchedule } from "./queries/runs/claimDagRunsToSchedule";
export type {
  ClaimDagRunsToScheduleInput,
  ClaimedDagRun,
} from "./queries/runs/claimDagRunsToSchedule";
export { startQueuedDagRuns } from "./queries/runs/startQueuedDagRuns";
export type { StartQueuedDagRunsInput } from "./queries/runs/startQueuedDagRuns";
export { setDagRunState } from "./queries/runs/setDagRunState";
export type { SetDagRunStateInput } from "./queries/runs/setDagRunState";
export { listTaskInstances } from "./queries/taskInstances/listTaskInstances";
export { getTaskInstance } from "./queries/taskInstances/getTaskInstance";
export { setTaskInstanceStates } from "./queries/taskInstances/setTaskInstanceStates";
export type {
  SetTaskInstanceStatesInput,
  TaskInstanceStateChange,
} from "./queries/taskInstances/setTaskInstanceStates";
export {
  scheduleTaskInstances,
  scheduleTaskInstancesCount,
} from "./queries/taskInstances/scheduleTaskInstances";
export type { ScheduleTaskInstancesInput } from "./queries/taskInstances/scheduleTaskInstances";
export { sendScheduleAndQueue } from "./queries/taskInstances/scheduleAndQueueTaskInstances";
export type {
  ScheduleAndQueueInput,
  ScheduledAndQueued,
} from "./queries/taskInstances/scheduleAndQueueTaskInstances";
export {
  queueTaskInstances,
  sendQueueTaskInstances,
} from "./queries/taskInstances/queueTaskInstances";
export type {
  QueueTaskInstancesInput,
  QueuedTaskInstances,
  SentQueueTaskInstances,
} from "./queries/taskInstances/queueTaskInstances";
export type { NotQueuedReason } from "./queries/taskInstances/admitTaskInstances";
export { startTaskInstance } from "./queries/taskInstances/startTaskInstance";
export { startTries, startTry } from "./queries/taskInstances/startTry";
export type { StartedTry } from "./queries/taskInstances/startTry";
export type { StartTaskInstanceInput } from "./queries/taskInstances/startTaskInstance";
export { heartbeatTaskInstance } from "./queries/taskInstances/heartbeatTaskInstance";
export type { HeartbeatTaskInstanceInput } from "./queries/taskInstances/heartbeatTaskInstance";
export {
  finishTaskInstance,
  finishTaskInstances,
  finishTries,
} from "./queries/taskInstances/finishTaskInstance";
export type {
  FinishTaskInstanceInput,
  TaskInstanceOutcome,
} from "./queries/taskInstances/finishTaskInstance";
export { findZombieTaskInstances } from "./queries/taskInstances/findZombieTaskInstances";
export type { FindZombieTaskInstancesInput } from "./queries/taskInstances/findZombieTaskInstances";
export { listTaskInstancesInStates } from "./queries/taskInstances/listTaskInstancesInStates";
export type { ListTaskInstancesInStatesInput } from "./queries/taskInstances/listTaskInstancesInStates";
export { clearTaskInstances } from "./queries/taskInstances/clearTaskInstances";
export { resetTaskInstancesForRetry } from "./queries/taskInstances/resetTaskInstancesForRetry";
export type { ResetTaskInstancesForRetryInput } from "./queries/taskInstances/resetTaskInstancesForRetry";

// Rendered template fields
export { setRenderedTaskInstanceFields } from "./queries/renderedFields/setRenderedTaskInstanceFields";
export type { SetRenderedTaskInstanceFieldsInput } from "./queries/renderedFields/setRenderedTaskInstanceFields";
export { NOTIFICATIONS_CHANNEL } from "./queries/notifications/notificationsChannel";
export { recordNotifications } from "./queries/notifications/recordNotifications";
export type {
  NotificationInput,
  RecordNotificationsInput,
} from "./queries/notifications/recordNotifications";
export { claimDueNotifications } from "./queries/notifications/claimDueNotifications";
export type { ClaimDueNotificationsInput } from "./queries/notifications/claimDueNotifications";
export { completeNotification } from "./queries/notifications/completeNotification";
export type { NotificationOutcome } from "./queries/notifications/completeNotification";
export { listNotifications } from "./queries/notifications/listNotifications";
export type { ListNotificationsInput } from "./queries/notifications/listNotifications";
export { resolveRecoveredAlerts } from "./queries/notifications/resolveRecoveredAlerts";
export type { AlertRecovery } from "./queries/notifications/resolveRecoveredAlerts";
export { takeAlertSummaries } from "./queries/notifications/takeAlertSummaries";
export type { AlertRow } from "./rows/alertRow";
export type {
  NotificationChannel,
  NotificationEvent,
  NotificationRow,
  NotificationState,
} from "./rows/notificationRow";

// api: what the REST API's list queries share
export type { ListOrder } from "./queries/api/listOrderSql";

// api: dags (queries the REST API's DAG endpoints read)
export { listDags, isDagOrderKey } from "./queries/api/dags/listDags";
export type { DagOrder, DagOrderKey, DagsPage, ListDagsInput } from "./queries/api/dags/listDags";
export type { DagFilters } from "./queries/api/dags/dagFilters";
export type { DagResponseRow } from "./queries/api/dags/dagResponseRow";
export { getDagResponseRow } from "./queries/api/dags/getDagResponseRow";
export { setDagsPaused } from "./queries/api/dags/setDagsPaused";
export type { SetDagsPausedInput } from "./queries/api/dags/setDagsPaused";
export { listDagTags } from "./queries/api/dags/listDagTags";
export type { DagTagsPage, ListDagTagsInput } from "./queries/api/dags/listDagTags";
export {
  isImportErrorOrderKey,
  listImportErrorsPage,
} from "./queries/api/dags/listImportErrorsPage";
export type {
  ImportErrorOrder,
  ImportErrorOrderKey,
  ImportErrorsPageResult,
  ListImportErrorsPageInput,
} from "./queries/api/dags/listImportErrorsPage";
export { getImportError } from "./queries/api/dags/getImportError";

// api: dagRuns
export { listDagRunsPage, isDagRunSortKey } from "./queries/api/dagRuns/listDagRunsPage";
export type {
  DagRunSort,
  DagRunSortKey,
  DagRunsPage,
  ListDagRunsPageInput,
} from "./queries/api/dagRuns/listDagRunsPage";
export type {
  DagRunDateField,
  DagRunFilters,
  DagRunRange,
} from "./queries/api/dagRuns/dagRunFilters";
export type { DagRunResponseRow } from "./queries/api/dagRuns/dagRunResponseRow";
export { getDagRunResponseRow } from "./queries/api/dagRuns/getDagRunResponseRow";
export { deleteDagRun } from "./queries/api/dagRuns/deleteDagRun";
export { setDagRunNote } from "./queries/api/dagRuns/setDagRunNote";
export type { SetDagRunNoteInput } from "./queries/api/dagRuns/setDagRunNote";
export { setDagRunDataInterval } from "./queries/api/dagRuns/setDagRunDataInterval";
export type { SetDagRunDataIntervalInput } from "./queries/api/dagRuns/setDagRunDataInterval";

// api: taskInstances
export {
  listTaskInstancesPage,
  isTaskInstanceOrderKey,
} from "./queries/api/taskInstances/listTaskInstancesPage";
export type {
  ListTaskInstancesPageInput,
  TaskInstanceOrder,
  TaskInstanceOrderKey,
  TaskInstancesPage,
} from "./queries/api/taskInstances/listTaskInstancesPage";
export type {
  TaskInstanceFilters,
  TaskSelector,
} from "./queries/api/taskInstances/taskInstanceFilters";
export type { TaskInstanceResponseRow } from "./queries/api/taskInstances/taskInstanceResponseRow";
export { listTaskInstanceTries } from "./queries/api/taskInstances/listTaskInstanceTries";
export type { TaskInstanceTryRow } from "./queries/api/taskInstances/listTaskInstanceTries";
export { setTaskInstanceNote } from "./queries/api/taskInstances/setTaskInstanceNote";
export type { SetTaskInstanceNoteInput } from "./queries/api/taskInstances/setTaskInstanceNote";
export { listDagDisplayNames } from "./queries/api/taskInstances/listDagDisplayNames";
export { listConnectionPasswords } from "./queries/api/taskInstances/listConnectionPasswords";
export { dagRunExists } from "./queries/api/taskInstances/dagRunExists";

// api: config (connections, variables, pools, assets)
export {
  isConnectionOrderKey,
  listConnectionsPage,
} from "./queries/api/config/listConnectionsPage";
export type {
  ConnectionOrderKey,
  ConnectionsPageResult,
  ListConnectionsPageInput,
} from "./queries/api/config/listConnectionsPage";
export { lockConnection } from "./queries/api/config/lockConnection";
export { isVariableOrderKey, listVariablesPage } from "./queries/api/config/listVariablesPage";
export type {
  ListVariablesPageInput,
  VariableOrderKey,
  VariablesPageResult,
} from "./queries/api/config/listVariablesPage";
export { createVariable } from "./queries/api/config/createVariable";
export type { CreateVariableInput } from "./queries/api/config/createVariable";
export { updateVariable } from "./queries/api/config/updateVariable";
export type { UpdateVariableInput } from "./queries/api/config/updateVariable";
export { lockVariable } from "./queries/api/config/lockVariable";
export { isPoolOrderKey, listPoolsPage } from "./queries/api/config/listPoolsPage";
export type {
  ListPoolsPageInput,
  PoolOrderKey,
  PoolsPageResult,
} from "./queries/api/config/listPoolsPage";
export { isAssetOrderKey, listAssetsPage } from "./queries/api/config/listAssetsPage";
export type {
  AssetOrderKey,
  AssetsPageResult,
  ListAssetsPageInput,
} from "./queries/api/config/listAssetsPage";
export { getAssetResponseRow } from "./queries/api/config/getAssetResponseRow";
export {
  isAssetEventOrderKey,
  listAssetEventsPage,
} from "./queries/api/config/listAssetEventsPage";
export type {
  AssetEventOrderKey,
  AssetEventsPageResult,
  ListAssetEventsPageInput,
} from "./queries/api/config/listAssetEventsPage";
export type {
  AssetEventResponseRow,
  AssetResponseRow,
} from "./queries/api/config/assetResponseRow";

// api: users
export { createUser } from "./queries/api/users/createUser";
export type { CreateUserInput } from "./queries/api/users/createUser";
export { createFirstAdminUser } from "./queries/api/users/createFirstAdminUser";
export type { CreateFirstAdminUserInput } from "./queries/api/users/createFirstAdminUser";
export { hasAdminUser } from "./queries/api/users/hasAdminUser";
export { getUserCredentials } from "./queries/api/users/getUserCredentials";
export type { UserCredentials } from "./queries/api/users/getUserCredentials";
export { getUserById } from "./queries/api/users/getUserById";
export { recordUserLogin } from "./queries/api/users/recordUserLogin";
export { setUserActive } from "./queries/api/users/setUserActive";
export type { SetUserActiveInput } from "./queries/api/users/setUserActive";
export { deleteUser } from "./queries/api/users/deleteUser";
export { listUsers } from "./queries/api/users/listUsers";
export { isUserOrderKey, listUsersPage } from "./queries/api/users/listUsersPage";
export type {
  ListUsersPageInput,
  UserOrderKey,
  UsersPageResult,
} from "./queries/api/users/listUsersPage";
export { getUserByUsername } from "./queries/api/users/getUserByUsername";
export { lockActiveAdmins } from "./queries/api/users/lockActiveAdmins";
export { updateUser } from "./queries/api/users/updateUser";
export type { UpdateUserInput } from "./queries/api/users/updateUser";
export type { UserRow } from "./queries/api/users/userRow";

// api: events (what the live event stream polls)
export { dagRunSnapshots } from "./queries/api/events/dagRunSnapshots";
export type { DagRunSnapshot } from "./queries/api/events/dagRunSnapshots";
export { taskInstanceChanges } from "./queries/api/events/taskInstanceChanges";
export type { TaskInstanceChange } from "./queries/api/events/taskInstanceChanges";

// api: ui (the grid and graph views' data)
export { gridRuns } from "./queries/api/ui/gridRuns";
export type { GridRunRow } from "./queries/api/ui/gridRuns";
export { gridTaskInstances } from "./queries/api/ui/gridTaskInstances";
export type { GridTaskInstanceRow } from "./queries/api/ui/gridTaskInstances";
export { recentDagRuns } from "./queries/api/ui/recentDagRuns";
export type { RecentDagRunsInput } from "./queries/api/ui/recentDagRuns";

// api: eventLogs (the audit log's list and entries)
export { getEventLog } from "./queries/api/eventLogs/getEventLog";
export { isEventLogOrderKey, listEventLogsPage } from "./queries/api/eventLogs/listEventLogsPage";
export type {
  EventLogFilters,
  EventLogOrderKey,
  EventLogsPageResult,
  ListEventLogsPageInput,
} from "./queries/api/eventLogs/listEventLogsPage";
export type { EventLogRow } from "./queries/api/eventLogs/eventLogRow";

// api: bulk (the rows a bulk connections / variables / pools request locks)
export { lockConnections } from "./queries/api/bulk/lockConnections";
export { lockVariables } from "./queries/api/bulk/lockVariables";
export { lockPools } from "./queries/api/bulk/lockPools";

// api: xcom (XCom entries created and updated through the REST API)
export { createXcomEntry } from "./queries/api/xcom/createXcomEntry";
export type { CreateXcomEntryInput } from "./queries/api/xcom/createXcomEntry";
export { updateXcomEntry } from "./queries/api/xcom/updateXcomEntry";
export type { UpdateXcomEntryInput } from "./queries/api/xcom/updateXcomEntry";
export type { XcomWriteRow } from "./queries/api/xcom/xcomWriteRow";

// api: dagStats (run counts per DAG and state)
export { listDagRunStateCounts } from "./queries/api/dagStats/listDagRunStateCounts";
export type { DagRunStateCount } from "./queries/api/dagStats/listDagRunStateCounts";

// api: dagDeletion (DELETE /dags/{dag_id})
export { deleteDag } from "./queries/api/dagDeletion/deleteDag";

// api: taskInstanceDependencies (why a task instance is not running)
export { getTaskInstanceSchedulingFacts } from "./queries/api/taskInstanceDependencies/getTaskInstanceSchedulingFacts";
export type { TaskInstanceSchedulingFacts } from "./queries/api/taskInstanceDependencies/getTaskInstanceSchedulingFacts";
