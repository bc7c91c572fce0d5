// The `updraft` command line: parses argv with commander and dispatches to the commands.
// Airflow-like verbs; exit codes are returned, never process.exit'ed, so tests can call it.
import { runApiServer } from "./commands/apiServer";
import { Command, CommanderError, Option } from "commander";
import { type Config, ConfigError, loadConfig } from "./config";
import {
  type Io,
  listDags,
  listImportErrors,
  loadDagBag,
  reportDags,
  showDag,
} from "./commands/dags";
import { backfillDag, listRuns, pauseDag, triggerDag } from "./commands/dagRuns";
import { checkDb, migrateDb, reserializeDags, resetDb } from "./commands/db";
import { type DemoSourceFlags, runDemoSource } from "./commands/demo";
import { listNotificationsCommand } from "./commands/notifications";
import { runScheduler, runStandalone, runWorker } from "./commands/services";
import { clearDagTasks, statesForDagRun } from "./commands/tasks";
import { testDag, testTask } from "./commands/testRuns";
import { addUserCommands } from "./commands/users";
import {
  compileTransform,
  listTransformNodes,
  runTransform,
  type TransformListFlags,
  type TransformRunFlags,
  type TransformTargetFlags,
} from "./commands/transform";
import type { OutputFormat } from "./table";

/** The process surroundings the CLI needs. */
export interface CliEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly io: Io;
  /** Stops the long-running verbs (scheduler, worker, standalone); main.ts wires SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}

/**
 * Errors whose message is the whole story (Updraft's own, with a stable code, and bad input):
 * printed without a stack, exit 1.
 */
function isReportable(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === "RangeError" || typeof code === "string";
}

const outputOption = (): Option =>
  new Option("-o, --output <format>", "output format")
    .choices(["table", "json", "plain"])
    .default("table");

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const { io } = environment;
  let config: Config;
  try {
    config = loadConfig(environment.env, environment.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.err(problem);
      return 2;
    }
    throw error;
  }
  let code = 0;
  const program = new Command("updraft")
    .description("Updraft: an Airflow-compatible DAG framework in TypeScript")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  const { signal } = environment;
  const dags = program.command("dags").description("Inspect, trigger and test the DAGs");
  const subdir = (cmd: Command): Command =>
    cmd.option("-S, --subdir <folder>", "DAGs folder", config.dagsFolder);
  subdir(dags.command("list").description("List the DAGs").addOption(outputOption())).action(
    (o: { subdir: string; output: OutputFormat }) => {
      code = listDags(loadDagBag(o.subdir), o.output, io);
    },
  );
  subdir(
    dags
      .command("list-import-errors")
      .description("List the files that failed to import")
      .addOption(outputOption()),
  ).action((o: { subdir: string; output: OutputFormat }) => {
    code = listImportErrors(loadDagBag(o.subdir), o.output, io);
  });
  subdir(
    dags
      .command("report")
      .description("Show how long each DAG file takes to load")
      .addOption(outputOption()),
  ).action((o: { subdir: string; output: OutputFormat }) => {
    code = reportDags(loadDagBag(o.subdir), o.output, io);
  });
  subdir(
    dags
      .command("show")
      .description("Show a DAG's tasks and edges")
      .argument("<dag_id>")
      .option("--dot", "print Graphviz DOT"),
  ).action((dagId: string, o: { subdir: string; dot?: boolean }) => {
    code = showDag(loadDagBag(o.subdir), dagId, o.dot ?? false, io);
  });
  subdir(
    dags
      .command("reserialize")
      .description("Parse the DAGs folder and store every DAG in the metadata database"),
  ).action(async (o: { subdir: string }) => {
    code = await reserializeDags(config, o.subdir, io);
  });
  addDagRunCommands(dags, config, io, (c) => (code = c));
  addTaskCommands(program, config, io, (c) => (code = c));
  addTransformCommands(program, config, environment.cwd, io, (c) => (code = c));
  addUserCommands(program, config, io, (c) => (code = c));
  program
    .command("scheduler")
    .description("Run the scheduler with the configured executor until SIGINT/SIGTERM")
    .action(async () => {
      code = await runScheduler(config, io, signal);
    });
  program
    .command("worker")
    .description("Run a BullMQ worker (needs UPDRAFT_REDIS_URL) until SIGINT/SIGTERM")
    .option("-c, --concurrency <n>", `tries run at once (default ${config.workerConcurrency})`)
    .option("-q, --queues <names>", "comma-separated queues to consume", "default")
    .action(async (o: { concurrency?: string; queues: string }) => {
      code = await runWorker(config, o, io, signal);
    });
  program
    .command("api-server")
    .description(
      "Serve the REST API (Airflow's v2) on UPDRAFT_API_HOST:UPDRAFT_API_PORT until SIGINT/SIGTERM",
    )
    .action(async () => {
      code = await runApiServer(config, io, signal);
    });
  program
    .command("standalone")
    .description("Run everything in one process: database, scheduler and LocalExecutor")
    .action(async () => {
      code = await runStandalone(config, io, signal);
    });
  program
    .command("notifications")
    .description("Inspect the alert outbox (email, Slack)")
    .command("list")
    .description("List notifications, newest first: sent, retrying, held back or undeliverable")
    .option("--state <state>", "only this state (pending, sending, sent, failed, suppressed)")
    .option("-d, --dag-id <dag_id>", "only this DAG's")
    .option("--limit <n>", "at most this many (default 100)")
    .addOption(outputOption())
    .action(async (o: { state?: string; dagId?: string; limit?: string; output: OutputFormat }) => {
      code = await listNotificationsCommand(config, o, io);
    });
  program
    .command("demo")
    .description("Demo data for the shipped DAGs")
    .command("source")
    .description(
      "Create and seed the dealership source database (AIRFLOW_CONN_POSTGRES_SOURCE, else UPDRAFT_DEMO_SOURCE_URL), then insert sales until SIGINT/SIGTERM",
    )
    .option("--rate <n/min|n/s>", "sales per minute or per second", "3/min")
    .option("--schema <name>", "schema of the seven tables", "public")
    .option(
      "--updates <ratio>",
      "updates per sale, 0..1 (price corrections, address changes)",
      "0.1",
    )
    .option("--once <n>", "insert n sales, then exit")
    .option("--seed <n>", "seed of the generator (default: the clock)")
    .action(async (o: DemoSourceFlags) => {
      code = await runDemoSource(config, o, io, signal);
    });
  const db = program.command("db").description("Manage the metadata database");
  db.command("migrate")
    .description("Apply pending migrations")
    .action(async () => {
      code = await migrateDb(config, io);
    });
  db.command("reset")
    .description("Drop every table and migrate again")
    .option("-y, --yes", "do not ask")
    .action(async (o: { yes?: boolean }) => {
      code = await resetDb(config, o.yes ?? false, io);
    });
  db.command("check")
    .description("Check the database is reachable")
    .action(async () => {
      code = await checkDb(config, io);
    });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isReportable(error)) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  return code;
}

type SetCode = (code: number) => void;

/** `dags trigger | pause | unpause | list-runs | backfill | test`. */
function addDagRunCommands(dags: Command, config: Config, io: Io, setCode: SetCode): void {
  dags
    .command("trigger")
    .description("Create a manual run (the scheduler runs it)")
    .argument("<dag_id>")
    .option("-c, --conf <json>", "the run's conf, a JSON object")
    .option("-r, --run-id <id>", "the run's id (default manual__<now>)")
    .option("-l, --logical-date <iso>", "the run's logical date (default none)")
    .addOption(outputOption())
    .action(
      async (
        dagId: string,
        o: { conf?: string; runId?: string; logicalDate?: string; output: OutputFormat },
      ) => setCode(await triggerDag(config, dagId, o, io)),
    );
  for (const [verb, isPaused] of [
    ["pause", true],
    ["unpause", false],
  ] as const)
    dags
      .command(verb)
      .description(`${verb === "pause" ? "Pause" : "Unpause"} a DAG`)
      .argument("<dag_id>")
      .addOption(outputOption())
      .action(async (dagId: string, o: { output: OutputFormat }) =>
        setCode(await pauseDag(config, dagId, isPaused, o.output, io)),
      );
  dags
    .command("list-runs")
    .description("List a DAG's runs, newest first")
    .argument("<dag_id>")
    .option("--state <state>", "only runs in this state (queued, running, success, failed)")
    .addOption(outputOption())
    .action(async (dagId: string, o: { state?: string; output: OutputFormat }) =>
      setCode(await listRuns(config, dagId, o, io)),
    );
  dags
    .command("backfill")
    .description("Create one run per schedule interval whose logical date is in the range")
    .argument("<dag_id>")
    .requiredOption("-s, --start-date <iso>", "first logical date (inclusive)")
    .requiredOption("-e, --end-date <iso>", "last logical date (inclusive)")
    .option("--dry-run", "list the runs without creating them")
    .option("-c, --conf <json>", "the runs' conf, a JSON object")
    .addOption(outputOption())
    .action(
      async (
        dagId: string,
        o: {
          startDate: string;
          endDate: string;
          dryRun?: boolean;
          conf?: string;
          output: OutputFormat;
        },
      ) => setCode(await backfillDag(config, dagId, o, io)),
    );
  dags
    .command("test")
    .description("Run one whole DAG run in this process (private database) and print the states")
    .argument("<dag_id>")
    .argument("[logical_date]", "ISO 8601 (default now)")
    .option("-c, --conf <json>", "the run's conf, a JSON object")
    .action(async (dagId: string, logicalDate: string | undefined, o: { conf?: string }) =>
      setCode(await testDag(config, dagId, logicalDate, o, io)),
    );
}

/** `tasks test | clear | states-for-dag-run`. */
function addTaskCommands(program: Command, config: Config, io: Io, setCode: SetCode): void {
  const tasks = program.command("tasks").description("Test, clear and inspect task instances");
  tasks
    .command("test")
    .description("Run one task instance in this process, ignoring its dependencies")
    .argument("<dag_id>")
    .argument("<task_id>")
    .argument("[logical_date]", "ISO 8601 (default now)")
    .action(async (dagId: string, taskId: string, logicalDate: string | undefined) =>
      setCode(await testTask(config, dagId, taskId, logicalDate, io)),
    );
  tasks
    .command("clear")
    .description("Clear task instances so they run again (lists them without --yes)")
    .argument("<dag_id>")
    .requiredOption("-t, --task-regex <regex>", "the tasks to clear (matched anywhere in the id)")
    .option("-r, --run-id <id>", "only in this run (default every run)")
    .option("-d, --downstream", "also clear everything downstream")
    .option("-u, --upstream", "also clear everything upstream")
    .option("-f, --only-failed", "only failed and upstream_failed instances")
    .option("-y, --yes", "do not ask")
    .action(
      async (
        dagId: string,
        o: {
          taskRegex: string;
          runId?: string;
          downstream?: boolean;
          upstream?: boolean;
          onlyFailed?: boolean;
          yes?: boolean;
        },
      ) => setCode(await clearDagTasks(config, dagId, o, io)),
    );
  tasks
    .command("states-for-dag-run")
    .description("List the task instances of one run and their states")
    .argument("<dag_id>")
    .argument("<run_id>")
    .addOption(outputOption())
    .action(async (dagId: string, runId: string, o: { output: OutputFormat }) =>
      setCode(await statesForDagRun(config, dagId, runId, o.output, io)),
    );
}

/** `transform run | test | build | seed | snapshot | ls | compile`: dbt's commands, in-process. */
function addTransformCommands(
  program: Command,
  config: Config,
  cwd: string,
  io: Io,
  setCode: SetCode,
): void {
  const transform = program
    .command("transform")
    .description(
      "Run a dbt project without the scheduler: dbt's run, test, build, seed, snapshot, ls, compile",
    );
  const located = (cmd: Command): Command =>
    cmd.option("--project-dir <dir>", "the folder holding dbt_project.yml (default: this folder)");
  const selecting = (cmd: Command): Command =>
    cmd
      .option("-s, --select <selector...>", "dbt's node selection (repeatable, or space-separated)")
      .option("--exclude <selector...>", "nodes to leave out, same syntax");
  const targeted = (cmd: Command): Command =>
    cmd
      .option("--conn-id <id>", `the warehouse connection (default ${config.transformConnId})`)
      .option(
        "--target-schema <schema>",
        "the schema models are built in (default analytics; ANALYTICS on Snowflake)",
      )
      .option("--target-database <database>", "the database models are built in")
      .option("--target-path <dir>", "where the artifacts go (default <project-dir>/target)");
  const verbs = [
    ["run", "Build the selected models"],
    ["test", "Run the selected data tests"],
    ["build", "Seeds, models, snapshots and their tests in order; a failing test skips downstream"],
    ["seed", "Load the selected seeds (CSV files)"],
    ["snapshot", "Take the selected snapshots (SCD type 2)"],
  ] as const;
  for (const [verb, description] of verbs)
    targeted(selecting(located(transform.command(verb).description(description))))
      .option("--full-refresh", "rebuild incremental models from scratch")
      .option("-x, --fail-fast", "stop at the first error or failure; the rest is skipped")
      .option("--vars <mapping>", `overrides of dbt_project.yml's vars, YAML or JSON ('{"k": 1}')`)
      .action(async (o: TransformRunFlags) =>
        setCode(await runTransform(verb, config, cwd, o, io)),
      );
  selecting(located(transform.command("ls").alias("list")))
    .description("List the selected nodes, as dbt ls (reads the project only)")
    .addOption(
      new Option("--resource-type <type...>", "only these resource types").choices([
        "model",
        "test",
        "seed",
        "snapshot",
        "source",
      ]),
    )
    .addOption(
      new Option("-o, --output <format>", "output format")
        .choices(["selector", "name", "path", "json"])
        .default("selector"),
    )
    .action(async (o: TransformListFlags) => setCode(await listTransformNodes(cwd, o, io)));
  targeted(located(transform.command("compile")))
    .description("Parse the project and write manifest.json (connects to nothing)")
    .action(async (o: TransformTargetFlags) => setCode(await compileTransform(config, cwd, o, io)));
}
