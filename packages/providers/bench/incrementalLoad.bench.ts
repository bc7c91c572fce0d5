// Benchmark: the incremental load, Postgres → DuckDB, against the physical limit of the same
// machine in the same run — a raw `COPY (SELECT …) TO STDOUT` of the same rows into nothing —
// and against the seed DAG's approach (one INSERT per row). Peak memory is measured in a child
// process per size, 1M and 5M rows: it must stay flat. Writes bench-results/incremental-load.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createTestDatabase } from "@updraft/testing";
import { DuckDbHook, DuckDbWarehouse, PostgresHook, syncTable } from "../src";

const env = process.env;
const ROWS = Number(env.BENCH_LOAD_ROWS ?? 1_000_000);
const LARGE_ROWS = Number(env.BENCH_LOAD_LARGE_ROWS ?? 5_000_000);
const ROW_BY_ROW = Number(env.BENCH_LOAD_ROW_BY_ROW ?? 10_000);
const TARGETS = { ratio_to_raw_copy: 0.5, speedup_vs_row_inserts: 100 };

const round = (value: number, digits = 2): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** A `vendas` table as the source has it, filled with `rows` generated sales. */
async function salesTable(client: pg.Pool, table: string, rows: number): Promise<void> {
  await client.query(`create table "${table}" (
    id_vendas integer primary key, id_veiculos integer not null, id_concessionarias integer not null,
    id_vendedores integer not null, id_clientes integer not null, valor_pago numeric(10,2) not null,
    data_venda timestamptz, data_inclusao timestamptz not null, data_atualizacao timestamptz not null)`);
  const batch = 1_000_000;
  for (let from = 1; from <= rows; from += batch)
    await client.query(
      `insert into "${table}" select g, 1 + g % 8, 1 + g % 29, 1 + g % 53, g,
         round((250000 - (g % 12500))::numeric, 2),
         timestamptz '2024-01-28 19:58:01+00' + g * interval '1 second',
         timestamptz '2024-01-28 19:58:01+00' + g * interval '1 second',
         timestamptz '2024-01-28 19:58:01+00' + g * interval '1 second'
       from generate_series($1::int, $2::int) g`,
      [from, Math.min(rows, from + batch - 1)],
    );
  await client.query(`analyze "${table}"`);
}

const COLUMNS =
  "id_vendas, id_veiculos, id_concessionarias, id_vendedores, id_clientes, valor_pago, data_venda, data_inclusao, data_atualizacao";

/** The ceiling: the same rows, COPY'd out to nothing. */
async function rawCopy(url: string, table: string): Promise<{ rowsPerS: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(
      client.query(
        copyTo(
          `copy (select ${COLUMNS} from "${table}" order by id_vendas) to stdout (format csv)`,
        ),
      ),
      new Writable({ write: (_chunk, _enc, done) => done() }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { rowsPerS: ROWS / seconds, seconds };
  } finally {
    await client.end();
  }
}

/** The seed DAG's load: read the rows, then one INSERT per row into the warehouse. */
async function rowByRow(url: string, table: string, dir: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const hook = await DuckDbHook.open(path.join(dir, "row_by_row.duckdb"));
  try {
    const { rows } = await client.query<Record<string, unknown>>(
      `select ${COLUMNS} from "${table}" where id_vendas <= $1`,
      [ROW_BY_ROW],
    );
    await hook.run(`create table vendas (id_vendas integer, id_veiculos integer,
      id_concessionarias integer, id_vendedores integer, id_clientes integer,
      valor_pago decimal(10,2), data_venda timestamptz, data_inclusao timestamptz,
      data_atualizacao timestamptz)`);
    const started = performance.now();
    for (const r of rows)
      await hook.run(
        `insert into vendas values ($1, $2, $3, $4, $5, $6::decimal(10,2), $7, $8, $9)`,
        [
          Number(r.id_vendas),
          Number(r.id_veiculos),
          Number(r.id_concessionarias),
          Number(r.id_vendedores),
          Number(r.id_clientes),
          String(r.valor_pago),
          (r.data_venda as Date).toISOString(),
          (r.data_inclusao as Date).toISOString(),
          (r.data_atualizacao as Date).toISOString(),
        ],
      );
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    hook.close();
    await client.end();
  }
}

/** A full sync in a child process: rows, seconds, peak RSS. */
function childSync(url: string, table: string, dir: string) {
  const out = spawnSync(
    process.execPath,
    [
      "--conditions=@updraft/source",
      "-r",
      require.resolve("sucrase/register"),
      path.join(__dirname, "syncChild.ts"),
      url,
      table,
      path.join(dir, `${table}.duckdb`),
    ],
    { encoding: "utf8" },
  );
  const line = out.stdout.split("\n").find((l) => l.startsWith("result "));
  if (out.status !== 0 || line === undefined)
    throw new Error(`sync of ${table} failed: ${out.stderr}`);
  return JSON.parse(line.slice(7)) as { rows: number; seconds: number; maxRssMb: number };
}

async function main(): Promise<void> {
  console.log(`Incremental-load benchmark (${cpus().length} CPUs, node ${process.version})`);
  const db = await createTestDatabase({
    templateKey: "providers_empty_v1",
    prepare: async () => {},
  });
  const dir = mkdtempSync(path.join(tmpdir(), "updraft-bench-load-"));
  const admin = new pg.Pool({ connectionString: db.url });
  admin.on("error", () => undefined); // a socket closing as the database is dropped
  try {
    const generated = performance.now();
    await salesTable(admin, "vendas", ROWS);
    await salesTable(admin, "vendas_large", LARGE_ROWS);
    console.log(
      `generated ${ROWS} + ${LARGE_ROWS} rows in ${round((performance.now() - generated) / 1000, 1)} s`,
    );
    const raw = await rawCopy(db.url, "vendas");
    // The sync in this process first (the figure), then each size in a child (peak memory).
    const source = new PostgresHook({ connectionString: db.url });
    const hook = await DuckDbHook.open(path.join(dir, "inprocess.duckdb"));
    const started = performance.now();
    const synced = await syncTable({
      source,
      warehouse: new DuckDbWarehouse(hook),
      spec: { table: "vendas", primaryKey: "id_vendas" },
    });
    const syncSeconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const rerun = await syncTable({
      source,
      warehouse: new DuckDbWarehouse(hook),
      spec: { table: "vendas", primaryKey: "id_vendas" },
    });
    const rerunSeconds = (performance.now() - again) / 1000;
    hook.close();
    await source.close();
    if (synced.merged !== ROWS) throw new Error(`synced ${synced.merged} rows, expected ${ROWS}`);
    const rowsPerS = ROWS / syncSeconds;
    const small = childSync(db.url, "vendas", dir);
    const large = childSync(db.url, "vendas_large", dir);
    const rowInsertsPerS = await rowByRow(db.url, "vendas", dir);
    const result = {
      machine: { cpus: cpus().length, node: process.version },
      date: new Date().toISOString(),
      rows: ROWS,
      rows_per_s: Math.round(rowsPerS),
      raw_copy_rows_per_s: Math.round(raw.rowsPerS),
      ratio_to_raw_copy: round(rowsPerS / raw.rowsPerS, 3),
      row_inserts_per_s: Math.round(rowInsertsPerS),
      speedup_vs_row_inserts: round(rowsPerS / rowInsertsPerS, 1),
      peak_rss_mb: {
        [`${ROWS}`]: Math.round(small.maxRssMb),
        [`${LARGE_ROWS}`]: Math.round(large.maxRssMb),
      },
      rerun_unchanged_s: round(rerunSeconds, 2),
      rerun_merged: rerun.merged,
      targets: TARGETS,
      setup: {
        warehouse: "duckdb",
        row_by_row_rows: ROW_BY_ROW,
        large_rows: LARGE_ROWS,
        peak_rss_duckdb_memory_limit: "256MB",
      },
    };
    console.table({
      rows_per_s: { value: result.rows_per_s, target: "", "met?": "" },
      raw_copy_rows_per_s: { value: result.raw_copy_rows_per_s, target: "(ceiling)", "met?": "" },
      ratio_to_raw_copy: {
        value: result.ratio_to_raw_copy,
        target: `≥ ${TARGETS.ratio_to_raw_copy}`,
        "met?": result.ratio_to_raw_copy >= TARGETS.ratio_to_raw_copy ? "yes" : "NO",
      },
      row_inserts_per_s: { value: result.row_inserts_per_s, target: "(seed DAG)", "met?": "" },
      speedup_vs_row_inserts: {
        value: result.speedup_vs_row_inserts,
        target: `≥ ${TARGETS.speedup_vs_row_inserts}`,
        "met?": result.speedup_vs_row_inserts >= TARGETS.speedup_vs_row_inserts ? "yes" : "NO",
      },
      [`peak_rss_mb at ${ROWS}`]: { value: Math.round(small.maxRssMb), target: "flat", "met?": "" },
      [`peak_rss_mb at ${LARGE_ROWS}`]: {
        value: Math.round(large.maxRssMb),
        target: "flat",
        "met?": large.maxRssMb < small.maxRssMb * 1.25 ? "yes" : "NO",
      },
      rerun_unchanged_s: { value: result.rerun_unchanged_s, target: "", "met?": "" },
    });
    const out = path.resolve(env.BENCH_RESULTS_DIR ?? "bench-results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "incremental-load.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.join(out, "incremental-load.json")}`);
  } finally {
    await admin.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
