// `updraft tasks clear | states-for-dag-run` against the configured metadata database.
import { clearTasks, DagCache } from "@updraft/scheduler";
import { getDagRun, listTaskInstances } from "@updraft/store";
import type { Config } from "../config";
import { formatRows, type OutputFormat } from "../table";
import type { Io } from "./dags";
import { isoOrNull, parseRegex } from "./parseInput";
import { withMigratedDatabase } from "./withDatabase";

/** Options of `tasks clear`. */
export interface ClearOptions {
  readonly taskRegex: string;
  readonly runId?: string;
  readonly downstream?: boolean;
  readonly upstream?: boolean;
  readonly onlyFailed?: boolean;
  readonly yes?: boolean;
}

/** `tasks clear <dag_id> -t RE`: without --yes, lists what would be cleared and exits 1. */
export async function clearDagTasks(
  config: Config,
  dagId: string,
  options: ClearOptions,
  io: Io,
): Promise<number> {
  const regex = parseRegex("--task-regex", options.taskRegex);
  return withMigratedDatabase(config, io, async (client) => {
    const cache = new DagCache(client);
    const dag = await cache.get(dagId);
    if (dag === null) {
      io.err(
        `Dag id ${dagId} is not in the metadata database; run \`updraft dags reserialize\` to store the DAGs folder.`,
      );
      return 1;
    }
    const taskIds = [...dag.taskById.keys()].filter((id) => regex.test(id));
    if (taskIds.length === 0) {
      io.err(`No task of ${dagId} matches --task-regex ${JSON.stringify(options.taskRegex)}.`);
      return 1;
    }
    if (
      options.runId !== undefined &&
      (await getDagRun(client, { dagId, runId: options.runId })) === null
    ) {
      io.err(`Dag run ${dagId}/${options.runId} not found.`);
      return 1;
    }
    const dryRun = !(options.yes ?? false);
    const matched = await clearTasks(client, cache, {
      dagId,
      taskIds,
      ...(options.runId === undefined ? {} : { runIds: [options.runId] }),
      downstream: options.downstream ?? false,
      upstream: options.upstream ?? false,
      onlyFailed: options.onlyFailed ?? false,
      dryRun,
    });
    const rows = matched.map((ti) => ({
      dag_id: ti.dagId,
      run_id: ti.runId,
      task_id: ti.taskId,
      map_index: ti.mapIndex,
      state: ti.state,
    }));
    io.out(formatRows(rows, ["dag_id", "run_id", "task_id", "map_index", "state"], "table"));
    if (rows.length === 0) {
      io.out("Nothing to clear.");
      return 0;
    }
    if (dryRun) {
      io.err(
        `${rows.length} task instance(s) would be cleared. Run again with --yes to clear them.`,
      );
      return 1;
    }
    io.out(`Cleared ${rows.length} task instance(s); the scheduler runs them again.`);
    return 0;
  });
}

/** `tasks states-for-dag-run <dag_id> <run_id>`. */
export async function statesForDagRun(
  config: Config,
  dagId: string,
  runId: string,
  output: OutputFormat,
  io: Io,
): Promise<number> {
  return withMigratedDatabase(config, io, async (client) => {
    if ((await getDagRun(client, { dagId, runId })) === null) {
      io.err(`Dag run ${dagId}/${runId} not found.`);
      return 1;
    }
    const tis = await listTaskInstances(client, { dagId, runId });
    const rows = tis.map((ti) => ({
      dag_id: ti.dagId,
      run_id: ti.runId,
      task_id: ti.taskId,
      map_index: ti.mapIndex,
      state: ti.state,
      try_number: ti.tryNumber,
      start_date: isoOrNull(ti.startDate),
      end_date: isoOrNull(ti.endDate),
    }));
    io.out(
      formatRows(
        rows,
        [
          "dag_id",
          "run_id",
          "task_id",
          "map_index",
          "state",
          "try_number",
          "start_date",
          "end_date",
        ],
        output,
      ),
    );
    return 0;
  });
}
