// The facts of an alert about one try, from its task instance row: what the worker records for
// the tries it ran and the scheduler for the tries whose worker was lost.
import type { TaskInstanceRow } from "@updraft/store";
import type { AlertFacts } from "./alertFacts";

/** What the row does not say. */
export interface TryAlertInput {
  readonly event: "failure" | "retry" | "success";
  readonly logicalDate: Date | null;
  /** Already masked. */
  readonly error: string | null;
  /** Already masked. */
  readonly logTail: readonly string[];
  /** When the try ended (its duration runs from the row's start_date). */
  readonly endDate: Date;
}

/** The facts of a try's alert. */
export function taskAlertFacts(ti: TaskInstanceRow, input: TryAlertInput): AlertFacts {
  return {
    event: input.event,
    scope: "task",
    dagId: ti.dagId,
    taskId: ti.taskId,
    runId: ti.runId,
    mapIndex: ti.mapIndex,
    logicalDate: input.logicalDate?.toISOString() ?? null,
    tryNumber: ti.tryNumber,
    // Airflow's max_tries counts retries; "try 2 of 3" counts every try.
    maxTries: ti.maxTries + 1,
    error: input.error,
    logTail: input.logTail,
    durationSeconds:
      ti.startDate === null ? null : (input.endDate.getTime() - ti.startDate.getTime()) / 1000,
    url: null,
  };
}
