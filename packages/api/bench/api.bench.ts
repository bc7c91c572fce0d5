// Benchmark: GET /api/v2/dags/~/dagRuns over 100,000 runs, through the real app (Express, JWT
// auth, validation, serialization, HTTP over a keep-alive connection), against the physical limit
// of the same machine in the same run — the very statements the app sent for each request,
// replayed straight through a pg pool with no app in between. Typical queries: the default
// order, newest started first, one state, one DAG, a page deep in the list. Writes
// bench-results/api.json (list_runs_p95_ms, target ≤ 50 ms).
//
// The database is a fresh Postgres database, migrated, with 20 real DAGs stored by the DAG
// processor and the runs inserted by one INSERT … SELECT generate_series; dropped at the end,
// also on failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { processDagsFolder } from "@updraft/scheduler";
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "@updraft/store";
import { createTestDatabase } from "@updraft/testing";
import { createApiApp, issueToken } from "../src";

const env = process.env;
const RUNS = Number(env.BENCH_API_RUNS ?? 100_000);
const DAGS = Number(env.BENCH_API_DAGS ?? 20);
const REQUESTS = Number(env.BENCH_API_REQUESTS ?? 300);
const WARMUP = Number(env.BENCH_API_WARMUP ?? 30);
const TARGETS = { list_runs_p95_ms: 50 };
/** Print each scenario's statements with their plans (EXPLAIN ANALYZE). */
const EXPLAIN = env.BENCH_API_EXPLAIN === "1";
const SECRET = "bench-secret-of-at-least-thirty-two-characters";

const round = (value: number, digits = 2): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** The nearest-rank percentile of a sample. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** The queries timed, as a UI or a client sends them. */
const SCENARIOS: Readonly<Record<string, string>> = {
  "default order": "/api/v2/dags/~/dagRuns",
  "order_by=-start_date": "/api/v2/dags/~/dagRuns?order_by=-start_date",
  "order_by=-run_after": "/api/v2/dags/~/dagRuns?order_by=-run_after",
  "state=failed": "/api/v2/dags/~/dagRuns?state=failed",
  "one DAG": "/api/v2/dags/bench_dag_07/dagRuns",
  "one DAG, newest first": "/api/v2/dags/bench_dag_07/dagRuns?order_by=-run_after",
  "offset 90,000": "/api/v2/dags/~/dagRuns?offset=90000",
  "run_after range, 100": `/api/v2/dags/~/dagRuns?limit=100&run_after_gte=2024-03-01T00:00:00Z&run_after_lt=2024-04-01T00:00:00Z`,
};

function dagFile(index: number): string {
  const dagId = `bench_dag_${String(index).padStart(2, "0")}`;
  return [
    'import { dag, EmptyOperator } from "@updraft/sdk";',
    "",
    `dag({ dagId: "${dagId}", dagDisplayName: "Bench DAG ${index}", schedule: "@hourly", startDate: "2024-01-01", catchup: false }, () => {`,
    "  let previous = new EmptyOperator({ taskId: 'start' });",
    "  for (let i = 0; i < 10; i++) previous = previous.then(new EmptyOperator({ taskId: `step_${i}` }));",
    "});",
    "",
  ].join("\n");
}

/**
 * RUNS runs over DAGS DAGs, hourly from 2024-01-01 per DAG: 85% success, 10% failed, 3% running,
 * 2% queued; one in ten manual (no logical date, a conf); started a minute after run_after and
 * running up to 15 minutes.
 */
async function insertRuns(client: SqlClient): Promise<void> {
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, logical_date, data_interval_start,
       data_interval_end, run_after, state, queued_at, start_date, end_date, conf, triggered_by,
       updated_at, last_scheduling_decision)
     select dag_id, run_type || '__' || to_char(run_after at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00',
       run_type, logical, logical, logical, run_after, state, run_after,
       case when state <> 'queued' then run_after + interval '1 minute' end,
       case when state in ('success', 'failed') then run_after + interval '1 minute' + (g % 900) * interval '1 second' end,
       case when run_type = 'manual' then jsonb_build_object('batch', g) else '{}'::jsonb end,
       case when run_type = 'manual' then 'rest_api' else 'timetable' end,
       run_after + interval '20 minutes', run_after + interval '2 minutes'
     from (
       select g, 'bench_dag_' || lpad((g % $2)::text, 2, '0') as dag_id,
         timestamptz '2024-01-01 00:00:00+00' + (g / $2) * interval '1 hour' as run_after,
         case when g % 10 = 3 then 'manual' else 'scheduled' end as run_type,
         case when g % 10 = 3 then null
           else timestamptz '2024-01-01 00:00:00+00' + (g / $2) * interval '1 hour' end as logical,
         case when g % 100 < 85 then 'success' when g % 100 < 95 then 'failed'
           when g % 100 < 98 then 'running' else 'queued' end as state
       from generate_series(0, $1::int - 1) g
     ) s`,
    [RUNS, DAGS],
  );
  await client.exec("vacuum analyze dag_run");
}

/** `client`, with the statements of the request being recorded kept in `log` when one is set. */
function recordingClient(client: SqlClient, recorder: { log: Statement[] | null }): SqlClient {
  return {
    dialect: client.dialect,
    query(text, params) {
      recorder.log?.push({ text, params: params ?? [] });
      return client.query(text, params);
    },
    exec: (script) => client.exec(script),
    transaction: (work) => client.transaction((tx) => work(recordingClient(tx, recorder))),
    listen: (channel, handler) => client.listen(channel, handler),
    close: () => client.close(),
  };
}

interface Statement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/** One GET over a keep-alive agent; resolves with the status, the body and the time to its last byte. */
function get(
  agent: http.Agent,
  port: number,
  url: string,
  token: string,
): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(
      { host: "127.0.0.1", port, path: url, agent, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

interface ScenarioResult {
  readonly api: number[];
  readonly raw: number[];
  readonly totalEntries: number;
  readonly bytes: number;
  readonly statements: readonly Statement[];
}

async function main(): Promise<void> {
  const db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  const dagsFolder = mkdtempSync(path.join(tmpdir(), "updraft-api-bench-"));
  const appPool = createPgClient({ connectionString: db.url, maxConnections: 10 });
  const rawPool = createPgClient({ connectionString: db.url, maxConnections: 10 });
  const recorder: { log: Statement[] | null } = { log: null };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let server: http.Server | undefined;
  try {
    for (let i = 0; i < DAGS; i++)
      writeFileSync(path.join(dagsFolder, `bench_dag_${i}.ts`), dagFile(i));
    const seedStarted = performance.now();
    await processDagsFolder(appPool, { dagsFolder });
    await insertRuns(appPool);
    const seedS = (performance.now() - seedStarted) / 1000;
    console.log(`seeded ${RUNS} runs over ${DAGS} DAGs in ${round(seedS, 1)} s`);

    const app = createApiApp({
      client: recordingClient(appPool, recorder),
      auth: { secret: SECRET },
      log: (error) => console.error(error),
    });
    server = http.createServer(app);
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    const port = (server.address() as AddressInfo).port;
    const token = issueToken({ secret: SECRET }, { username: "bench", role: "Viewer" });

    const results: Record<string, ScenarioResult> = {};
    for (const [name, url] of Object.entries(SCENARIOS)) {
      // The statements one request sends, recorded once, then replayed raw.
      recorder.log = [];
      const probe = await get(agent, port, url, token);
      const statements = recorder.log;
      recorder.log = null;
      if (probe.status !== 200) throw new Error(`${name}: ${url} answered ${probe.status}`);
      const totalEntries = (JSON.parse(probe.body) as { total_entries: number }).total_entries;
      if (EXPLAIN)
        for (const statement of statements) {
          const plan = await rawPool.query<{ "QUERY PLAN": string }>(
            `explain (analyze, buffers) ${statement.text}`,
            statement.params,
          );
          console.log(`--- ${name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
        }
      const api: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < WARMUP + REQUESTS; i++) {
        const res = await get(agent, port, url, token);
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        // The store sends a page's statements side by side; so does the replay.
        const started = performance.now();
        await Promise.all(statements.map((s) => rawPool.query(s.text, s.params)));
        const rawMs = performance.now() - started;
        if (i >= WARMUP) {
          api.push(res.ms);
          raw.push(rawMs);
        }
      }
      results[name] = { api, raw, totalEntries, bytes: Buffer.byteLength(probe.body), statements };
    }

    const rows = Object.fromEntries(
      Object.entries(results).map(([name, r]) => [
        name,
        {
          "api p50 ms": round(percentile(r.api, 50)),
          "api p95 ms": round(percentile(r.api, 95)),
          "raw p50 ms": round(percentile(r.raw, 50)),
          "raw p95 ms": round(percentile(r.raw, 95)),
          "p95 ratio": round(percentile(r.api, 95) / percentile(r.raw, 95)),
          total_entries: r.totalEntries,
          "KB/page": round(r.bytes / 1024, 1),
        },
      ]),
    );
    console.table(rows);
    const allApi = Object.values(results).flatMap((r) => r.api);
    const allRaw = Object.values(results).flatMap((r) => r.raw);
    const worst = Object.entries(rows).sort((a, b) => b[1]["api p95 ms"] - a[1]["api p95 ms"])[0];
    const result = {
      machine: { cpus: cpus().length, node: process.version },
      date: new Date().toISOString(),
      list_runs_p95_ms: round(percentile(allApi, 95)),
      list_runs_p50_ms: round(percentile(allApi, 50)),
      raw_query_p95_ms: round(percentile(allRaw, 95)),
      raw_query_p50_ms: round(percentile(allRaw, 50)),
      ratio_p95_to_raw: round(percentile(allApi, 95) / percentile(allRaw, 95)),
      worst_scenario: worst === undefined ? null : { name: worst[0], ...worst[1] },
      targets: TARGETS,
      setup: {
        runs: RUNS,
        dags: DAGS,
        requests_per_scenario: REQUESTS,
        warmup_per_scenario: WARMUP,
        page_limit: "50 (100 where the query says)",
        http: "one keep-alive connection, one request at a time",
        raw: "the statements the app sent for the request, replayed side by side through a pg pool",
      },
      scenarios: Object.fromEntries(
        Object.entries(rows).map(([name, row]) => [name, { url: SCENARIOS[name], ...row }]),
      ),
    };
    console.table({
      list_runs_p95_ms: {
        value: result.list_runs_p95_ms,
        target: `≤ ${TARGETS.list_runs_p95_ms}`,
        "met?": result.list_runs_p95_ms <= TARGETS.list_runs_p95_ms ? "yes" : "NO",
      },
      list_runs_p50_ms: { value: result.list_runs_p50_ms, target: "", "met?": "" },
      raw_query_p95_ms: { value: result.raw_query_p95_ms, target: "(floor)", "met?": "" },
      ratio_p95_to_raw: { value: result.ratio_p95_to_raw, target: "", "met?": "" },
    });
    const out = path.resolve(env.BENCH_RESULTS_DIR ?? "bench-results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "api.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.join(out, "api.json")}`);
  } finally {
    agent.destroy();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await appPool.close();
    await rawPool.close();
    await db.drop();
    rmSync(dagsFolder, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
