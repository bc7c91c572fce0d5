// POST /dags/{dag_id}/dagRuns (Airflow's trigger_dag_run): the body (TriggerDAGRunPostBody,
// strict; `logical_date` required but nullable; data_interval_start and _end both or neither;
// conf an object) and the trigger itself, through the scheduler's triggerDagRun — the conf is
// checked against the DAG's params as `updraft dags trigger` checks it, and the run is
// triggered_by rest_api. Refusals as Airflow words them: 404 unknown or stale DAG, 400 import
// errors / bad params / bad run id / future logical date, 409 run id or logical date taken.
import { DagCache, triggerDagRun } from "@updraft/scheduler";
import { DagRunTriggeredByType } from "@updraft/sdk";
import { type DagRunRow, getDag, setDagRunDataInterval, type SqlClient } from "@updraft/store";
import { z } from "zod";
import { ApiError, badRequest, conflict, notFound } from "../http/apiError";
import { dateTimeInput } from "../http/dateTimeInput";
import { parseInput } from "../http/validation";

const BODY = z
  .object({
    dag_run_id: z.string().nullable().optional(),
    data_interval_start: dateTimeInput({ aware: true }).nullable().optional(),
    data_interval_end: dateTimeInput({ aware: true }).nullable().optional(),
    logical_date: dateTimeInput({ aware: true }).nullable().optional(),
    run_after: dateTimeInput({ aware: false }).nullable().optional(),
    conf: z.record(z.string(), z.unknown()).nullable().optional(),
    note: z.string().nullable().optional(),
    partition_key: z.string().nullable().optional(),
  })
  .strict()
  .refine((b) => (b.data_interval_start == null) === (b.data_interval_end == null), {
    message:
      "Value error, Either both data_interval_start and data_interval_end must be provided or both must be None",
  });

/** A trigger request, checked. */
export type TriggerDagRunBody = z.output<typeof BODY>;

/** Airflow's default [scheduler] allowed_run_id_pattern, and its run_id column's length. */
const ALLOWED_RUN_ID = /^[A-Za-z0-9_.~:+-]+$/;
const MAX_RUN_ID_LENGTH = 250;

/** The trigger body `input`, or a 422 naming what is wrong with it. */
export function triggerDagRunBody(input: unknown): TriggerDagRunBody {
  if (input !== null && typeof input === "object" && !Array.isArray(input))
    if (!Object.hasOwn(input, "logical_date"))
      throw new ApiError("VALIDATION_ERROR", [
        { loc: ["body", "logical_date"], msg: "Field required", type: "missing", input },
      ]);
  return parseInput(BODY, input, "body");
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Triggers a run of `dagId` as the body asks; returns the queued run. */
export async function triggerDagRunFromApi(
  client: SqlClient,
  cache: DagCache,
  dagId: string,
  body: TriggerDagRunBody,
): Promise<DagRunRow> {
  const dag = await getDag(client, { dagId });
  if (dag === null || dag.isStale) throw notFound(`DAG with dag_id: '${dagId}' not found`);
  if (dag.hasImportErrors)
    throw badRequest(`DAG with dag_id: '${dagId}' has import errors and cannot be triggered`);
  const runId = body.dag_run_id ?? undefined;
  if (runId !== undefined && (!ALLOWED_RUN_ID.test(runId) || runId.length > MAX_RUN_ID_LENGTH))
    throw badRequest(
      `The run_id provided '${runId}' does not match regex pattern '${ALLOWED_RUN_ID.source}' (at most ${MAX_RUN_ID_LENGTH} characters)`,
    );
  if (body.partition_key != null)
    throw badRequest("partition_key: partitioned DAG runs are not supported by Updraft");
  const logicalDate = body.logical_date ?? null;
  // As Airflow, an explicit data interval only applies to a run with a logical date.
  const interval =
    logicalDate !== null && body.data_interval_start != null && body.data_interval_end != null
      ? { start: body.data_interval_start, end: body.data_interval_end }
      : null;
  const trigger = (tx: SqlClient, dags: DagCache) =>
    triggerDagRun(tx, dags, {
      dagId,
      conf: body.conf ?? {},
      logicalDate,
      ...(runId === undefined ? {} : { runId }),
      ...(body.run_after == null ? {} : { runAfter: body.run_after }),
      triggeredBy: DagRunTriggeredByType.REST_API,
      note: body.note ?? null,
    });
  try {
    if (interval === null) return (await trigger(client, cache)).dagRun;
    // The run and its explicit interval commit together; the cache reads through the
    // transaction (PGlite has one connection, the outer client would wait for it).
    return await client.transaction(async (tx) => {
      const { dagRun } = await trigger(tx, new DagCache(tx));
      await setDagRunDataInterval(tx, { id: dagRun.id, ...interval });
      return { ...dagRun, dataIntervalStart: interval.start, dataIntervalEnd: interval.end };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    switch (codeOf(error)) {
      case "NOT_FOUND":
        throw notFound(`DAG with dag_id: '${dagId}' not found`);
      case "DAG_RUN_EXISTS": {
        const details = (error as { details?: { conflict?: unknown; value?: unknown } }).details;
        const key = details?.conflict === "logical_date" ? "logical_date" : "run_id";
        throw conflict(
          `A DAG Run of DAG '${dagId}' with ${key} '${String(details?.value)}' already exists`,
        );
      }
      case "PARAM_VALIDATION":
      case "INVALID_ARGUMENT":
        throw badRequest(message);
      default:
        throw error;
    }
  }
}
