// The job catalog: the schema of every payload that crosses a queue. There is one job,
// `run_task` (one try of one task instance). It is validated on enqueue, to catch producer bugs
// early, and on dequeue, because Redis holds whatever any producer version wrote.
import { z } from "zod";
import { formatIssues } from "@updraft/sdk";
import { ExecutorError } from "./executorError";

/** The BullMQ job name of a task-instance try. */
export const TASK_JOB_NAME = "run_task";

/** Airflow's `ID_LEN`: the longest dag_id, run_id or task_id the metadata database holds. */
const ID_LEN = 250;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

const id = (field: string) =>
  z
    .string({ error: `expected a ${field} string` })
    .min(1, { error: `expected a non-empty ${field}` })
    .max(ID_LEN, { error: `expected a ${field} of at most ${ID_LEN} characters` });

/**
 * Schema of the `run_task` payload. Unknown keys are dropped, not rejected, so a worker keeps
 * consuming while producers of a newer version add optional fields (deploy workers first).
 */
export const taskJobSchema = z.object({
  dagId: id("dag_id"),
  runId: id("run_id"),
  taskId: id("task_id"),
  mapIndex: z.int({ error: "expected an integer >= -1" }).min(-1, {
    error: "expected an integer >= -1 (-1 means not mapped)",
  }),
  tryNumber: z.int({ error: "expected an integer >= 1" }).min(1, {
    error: "expected an integer >= 1",
  }),
  queue: z
    .string({ error: "expected a queue name string" })
    .regex(/^[^:\s]+$/, { error: "expected a non-empty queue name without ':' or spaces" }),
  priorityWeight: z
    .int({ error: "expected an integer priority weight" })
    .min(INT32_MIN, { error: "expected a 32-bit integer priority weight" })
    .max(INT32_MAX, { error: "expected a 32-bit integer priority weight" })
    .optional(),
  enqueuedAt: z.iso.datetime({ offset: true, error: "expected an ISO 8601 date-time string" }),
});

/**
 * One try of one task instance, as it travels to a worker: the task instance key
 * (`dagId`, `runId`, `taskId`, `mapIndex`), the `tryNumber` the scheduler queued, the Airflow
 * `queue`, the effective `priorityWeight` (higher runs first; Airflow's default is 1) and when it
 * was enqueued.
 */
export type TaskJob = z.infer<typeof taskJobSchema>;

/**
 * Validates an unknown payload as a `run_task` job and returns it. Throws an `ExecutorError`
 * with code `INVALID_TASK_JOB` whose message names every bad path, e.g.
 * `run_task job: mapIndex: expected an integer >= -1 (-1 means not mapped), got -2`.
 * `root` prefixes the paths (`jobs[3]`) when validating one element of a batch.
 */
export function parseTaskJob(payload: unknown, root = ""): TaskJob {
  const result = taskJobSchema.safeParse(payload);
  if (result.success) return result.data;
  const problems = formatIssues(payload, result.error.issues, root);
  throw new ExecutorError("INVALID_TASK_JOB", `${TASK_JOB_NAME} job: ${problems.join("; ")}`, {
    details: { problems },
  });
}

/** Validates a whole batch before anything is enqueued; paths read `jobs[i].field`. */
export function parseTaskJobs(payloads: readonly unknown[]): TaskJob[] {
  return payloads.map((payload, index) => parseTaskJob(payload, `jobs[${index}]`));
}
