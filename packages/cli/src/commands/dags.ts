// `updraft dags …`: list, show, list-import-errors and report, reading the DAGs folder directly
// (no database yet), like Airflow's local `airflow dags` verbs.
import path from "node:path";
import { type DagBag, loadDagBag } from "@updraft/runtime";
import type { SerializedDag } from "@updraft/sdk";
import { formatRows, type OutputFormat } from "../table";

/** Where commands write, so tests can capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function relative(bag: DagBag, file: string): string {
  return path.relative(bag.dagsFolder, file) || file;
}

/** `dags list`: one row per DAG. Exit 0; import errors are reported on stderr. */
export function listDags(bag: DagBag, format: OutputFormat, io: Io): number {
  const rows = [...bag.dags.values()]
    .sort((a, b) => (a.dag.dagId < b.dag.dagId ? -1 : 1))
    .map(({ serialized: { dag } }) => ({
      dag_id: dag.dag_id,
      fileloc: relative(bag, dag.fileloc ?? ""),
      owners: dag.owners.join(","),
      schedule: dag.timetable_summary,
      tags: dag.tags.join(","),
      tasks: dag.tasks.length,
    }));
  io.out(formatRows(rows, ["dag_id", "fileloc", "owners", "schedule", "tags", "tasks"], format));
  if (bag.importErrors.length > 0)
    io.err(
      `${bag.importErrors.length} file(s) failed to import; see \`updraft dags list-import-errors\``,
    );
  return 0;
}

/** `dags list-import-errors`: exit 1 when there is any, so CI can gate on it. */
export function listImportErrors(bag: DagBag, format: OutputFormat, io: Io): number {
  const rows = bag.importErrors.map((e) => ({
    filepath: relative(bag, e.filename),
    error: e.message,
  }));
  io.out(formatRows(rows, ["filepath", "error"], format));
  return rows.length > 0 ? 1 : 0;
}

/** `dags report`: how long each file took to load. */
export function reportDags(bag: DagBag, format: OutputFormat, io: Io): number {
  const rows = bag.stats.map((s) => ({
    file: relative(bag, s.file),
    duration_ms: Math.round(s.durationMs * 10) / 10,
    dag_num: s.dagCount,
    task_num: s.taskCount,
    dags: s.dagIds.join(","),
  }));
  io.out(formatRows(rows, ["file", "duration_ms", "dag_num", "task_num", "dags"], format));
  return 0;
}

/** The text form of `dags show`: the DAG's settings, its tasks in dependency order, its edges. */
export function describeDag(serialized: SerializedDag, order: readonly string[]): string {
  const d = serialized.dag;
  const byId = new Map(d.tasks.map((t) => [t.task_id, t]));
  const lines = [
    `DAG ${d.dag_id}${d.description ? ` — ${d.description}` : ""}`,
    `  schedule: ${d.timetable_summary} (${d.timetable_description})`,
    `  start_date: ${d.start_date ?? "none"}  end_date: ${d.end_date ?? "none"}  catchup: ${d.catchup}  timezone: ${d.timezone}`,
    `  tags: ${d.tags.join(", ") || "none"}  owners: ${d.owners.join(", ")}`,
    `  max_active_runs: ${d.max_active_runs}  max_active_tasks: ${d.max_active_tasks}`,
    "",
    `Tasks (${d.tasks.length}):`,
    ...order.map((id) => {
      const t = byId.get(id)!;
      const notes = [
        t.operator_name,
        `trigger_rule=${t.trigger_rule}`,
        ...(t.retries ? [`retries=${t.retries}`] : []),
        ...(t.is_mapped ? ["mapped"] : []),
      ];
      return `  ${id}  [${notes.join(", ")}]`;
    }),
    "",
    "Edges:",
    ...order.flatMap((id) => byId.get(id)!.downstream_task_ids.map((down) => `  ${id} -> ${down}`)),
  ];
  return lines.join("\n");
}

/** The Graphviz DOT form of `dags show --dot`, as Airflow's `dags show` prints. */
export function dagToDot(serialized: SerializedDag): string {
  const d = serialized.dag;
  const q = (s: string): string => JSON.stringify(s);
  return [
    `digraph ${q(d.dag_id)} {`,
    "  rankdir=LR;",
    ...d.tasks.map(
      (t) => `  ${q(t.task_id)} [shape=rectangle, style=filled, fillcolor=${q(t.ui_color)}];`,
    ),
    ...d.tasks.flatMap((t) =>
      t.downstream_task_ids.map((down) => `  ${q(t.task_id)} -> ${q(down)};`),
    ),
    "}",
  ].join("\n");
}

/** `dags show <dag_id>`: exit 1 (with the reason) when the DAG does not exist. */
export function showDag(bag: DagBag, dagId: string, dot: boolean, io: Io): number {
  const loaded = bag.dags.get(dagId);
  if (!loaded) {
    const failed =
      bag.importErrors.length > 0 ? ` (${bag.importErrors.length} file(s) failed to import)` : "";
    io.err(`Dag id ${dagId} not found in ${bag.dagsFolder}${failed}`);
    return 1;
  }
  io.out(
    dot
      ? dagToDot(loaded.serialized)
      : describeDag(loaded.serialized, loaded.dag.topologicalTaskIds()),
  );
  return 0;
}

export { loadDagBag };
