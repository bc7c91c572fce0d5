// `updraft dags trigger | pause | unpause | list-runs | backfill` against the configured
// metadata database, as Airflow's verbs of the same names.
import { createBackfill, DagCache, triggerDagRun } from "@updraft/scheduler";
import type { DagRunState } from "@updraft/sdk";
import { type DagRunRow, getDag, listDagRuns, setDagPaused, type SqlClient } from "@updraft/store";
import type { Config } from "../config";
import { formatRows, type OutputFormat } from "../table";
import type { Io } from "./dags";
import { isoOrNull, parseConf, parseDate } from "./parseInput";
import { withMigratedDatabase } from "./withDatabase";

/** Exit 1 with the fix when the DAG was never stored. */
async function requireStoredDag(client: SqlClient, dagId: string, io: Io): Promise<boolean> {
  if ((await getDag(client, { dagId })) !== null) return true;
  io.err(
    `Dag id ${dagId} is not in the metadata database; run \`updraft dags reserialize\` to store the DAGs folder.`,
  );
  return false;
}

function runRow(run: DagRunRow) {
  return {
    dag_id: run.dagId,
    run_id: run.runId,
    state: run.state,
    run_type: run.runType,
    logical_date: isoOrNull(run.logicalDate),
    start_date: isoOrNull(run.startDate),
    end_date: isoOrNull(run.endDate),
  };
}

/** Options of `dags trigger`. */
export interface TriggerOptions {
  readonly conf?: string;
  readonly runId?: string;
  readonly logicalDate?: string;
  readonly output: OutputFormat;
}

/** `dags trigger <dag_id>`: a queued manual run, triggered_by "cli". */
export async function triggerDag(
  config: Config,
  dagId: string,
  options: TriggerOptions,
  io: Io,
): Promise<number> {
  const conf = parseConf(options.conf);
  const logicalDate =
    options.logicalDate === undefined ? null : parseDate("--logical-date", options.logicalDate);
  return withMigratedDatabase(config, io, async (client) => {
    if (!(await requireStoredDag(client, dagId, io))) return 1;
    const { dagRun } = await triggerDagRun(client, new DagCache(client), {
      dagId,
      conf,
      logicalDate,
      ...(options.runId === undefined ? {} : { runId: options.runId }),
      triggeredBy: "cli",
    });
    io.out(
      formatRows(
        [runRow(dagRun)],
        ["dag_id", "run_id", "state", "run_type", "logical_date"],
        options.output,
      ),
    );
    return 0;
  });
}

/** `dags pause|unpause <dag_id>`. */
export async function pauseDag(
  config: Config,
  dagId: string,
  isPaused: boolean,
  output: OutputFormat,
  io: Io,
): Promise<number> {
  return withMigratedDatabase(config, io, async (client) => {
    if (!(await requireStoredDag(client, dagId, io))) return 1;
    const dag = await setDagPaused(client, { dagId, isPaused });
    io.out(
      formatRows(
        [{ dag_id: dag.dagId, is_paused: String(dag.isPaused) }],
        ["dag_id", "is_paused"],
        output,
      ),
    );
    return 0;
  });
}

const RUN_STATES: readonly string[] = ["queued", "running", "success", "failed"];

/** `dags list-runs <dag_id> [--state S]`: newest first. */
export async function listRuns(
  config: Config,
  dagId: string,
  options: { state?: string; output: OutputFormat },
  io: Io,
): Promise<number> {
  if (options.state !== undefined && !RUN_STATES.includes(options.state))
    throw new RangeError(
      `--state: expected one of ${RUN_STATES.join(", ")}, got ${JSON.stringify(options.state)}`,
    );
  return withMigratedDatabase(config, io, async (client) => {
    if (!(await requireStoredDag(client, dagId, io))) return 1;
    const runs = await listDagRuns(client, {
      dagId,
      ...(options.state === undefined ? {} : { states: [options.state as DagRunState] }),
      limit: 10_000,
    });
    io.out(
      formatRows(
        runs.map(runRow),
        ["dag_id", "run_id", "state", "run_type", "logical_date", "start_date", "end_date"],
        options.output,
      ),
    );
    return 0;
  });
}

/** Options of `dags backfill`. */
export interface BackfillOptions {
  readonly startDate: string;
  readonly endDate: string;
  readonly dryRun?: boolean;
  readonly conf?: string;
  readonly output: OutputFormat;
}

/** `dags backfill <dag_id> -s -e [--dry-run]`: one run per interval in the range. */
export async function backfillDag(
  config: Config,
  dagId: string,
  options: BackfillOptions,
  io: Io,
): Promise<number> {
  const fromDate = parseDate("--start-date", options.startDate);
  const toDate = parseDate("--end-date", options.endDate);
  const conf = parseConf(options.conf);
  const dryRun = options.dryRun ?? false;
  return withMigratedDatabase(config, io, async (client) => {
    if (!(await requireStoredDag(client, dagId, io))) return 1;
    const result = await createBackfill(client, new DagCache(client), {
      dagId,
      fromDate,
      toDate,
      conf,
      dryRun,
    });
    const rows = result.runs.map((r) => ({
      dag_id: dagId,
      run_id: r.runId,
      logical_date: isoOrNull(r.logicalDate),
      status: dryRun ? "planned" : r.created ? "created" : "skipped (run exists)",
    }));
    io.out(formatRows(rows, ["dag_id", "run_id", "logical_date", "status"], options.output));
    const created = result.runs.filter((r) => r.created).length;
    if (options.output === "table")
      io.out(
        dryRun
          ? `Dry run: ${rows.length} run(s) would be created; nothing was written.`
          : `Backfill of ${dagId}: ${created} run(s) created, ${rows.length - created} skipped; the scheduler runs them.`,
      );
    return 0;
  });
}
