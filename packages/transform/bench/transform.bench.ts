// Benchmark: the dealership dbt project (dags/dealership/transform) built by the runner on
// DuckDB over generated stage tables, against the physical limit of the same machine in the same
// run — the very statements the runner sent, replayed straight into DuckDB on a copy of the same
// data, with no compile, catalog questions or bookkeeping — and an incremental run of the fact
// after 1 % new sales against a full refresh. Writes bench-results/transform.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DuckDbHook } from "@updraft/providers";
import { type BindValue, compileProject, loadProject, runProject, Warehouse } from "../src";

const SALES = Number(process.env.BENCH_TRANSFORM_SALES ?? 1_000_000);
const PROJECT = path.join(__dirname, "..", "..", "..", "dags", "dealership", "transform");
const TARGETS = { ratio_to_raw: 0.8 };

const round = (value: number, digits = 2): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

// The values the project's accepted_values tests and the regions seed expect.
// prettier-ignore
const UFS = ["AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
  "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"];
// prettier-ignore
const TYPES = ["SUV Compacta", "SUV Média", "SUV Premium Híbrida", "Camionete Média",
  "Camionete Cabine Dupla", "Superesportivo", "Off-road", "Sedã"];
const list = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(", ")}]`;

/** The stage tables the load writes, with `sales` generated sales (and a client each). */
async function stage(db: DuckDbHook, sales: number, from = 1): Promise<void> {
  const ts = (expr: string) =>
    `timestamptz '2024-01-28 19:58:00+00' + ${expr} * interval '1 minute'`;
  if (from === 1) {
    await db.run("create schema stage");
    await db.run(`create table stage.estados as select i as id_estados, 'Estado ' || i as estado,
      ${list(UFS)}[i] as sigla, ${ts("0")} as data_inclusao, ${ts("0")} as data_atualizacao
      from range(1, 28) t(i)`);
    await db.run(`create table stage.cidades as select i as id_cidades, 'cidade ' || i as cidade,
      i as id_estados, ${ts("0")} as data_inclusao, cast(null as timestamptz) as data_atualizacao from range(1, 28) t(i)`);
    await db.run(`create table stage.concessionarias as select i as id_concessionarias,
      ' Concessionária ' || i || ' ' as concessionaria, 1 + (i - 1) % 27 as id_cidades,
      ${ts("0")} as data_inclusao, ${ts("0")} as data_atualizacao from range(1, 30) t(i)`);
    await db.run(`create table stage.vendedores as select i as id_vendedores, 'vendedor ' || i as nome,
      1 + (i - 1) % 29 as id_concessionarias, ${ts("0")} as data_inclusao, ${ts("0")} as data_atualizacao
      from range(1, 54) t(i)`);
    await db.run(`create table stage.veiculos as select i as id_veiculos, 'Modelo ' || i as nome,
      ${list(TYPES)}[i] as tipo, cast(250000 + i * 10000 as decimal(10,2)) as valor,
      ${ts("0")} as data_atualizacao, ${ts("0")} as data_inclusao from range(1, 9) t(i)`);
    await db.run(`create table stage.clientes (id_clientes integer, cliente varchar, endereco varchar,
      id_concessionarias integer, data_inclusao timestamptz, data_atualizacao timestamptz)`);
    await db.run(`create table stage.vendas (id_vendas integer, id_veiculos integer, id_concessionarias integer,
      id_vendedores integer, id_clientes integer, valor_pago decimal(10,2), data_venda timestamptz,
      data_inclusao timestamptz, data_atualizacao timestamptz)`);
  }
  const to = from + sales;
  await db.run(`insert into stage.clientes select i, 'cliente ' || i, ' Rua ' || i || ' ',
    1 + i % 29, ${ts("i")}, ${ts("i")} from range(${from}, ${to}) t(i)`);
  // A price 1–5 % below the list price (260,000 + 10,000 × vehicle), as the source's generator.
  await db.run(`insert into stage.vendas select i, 1 + i % 8, 1 + i % 29, 1 + i % 53, i,
    cast((250000 + (1 + i % 8) * 10000) * (0.95 + (i % 40) / 1000.0) as decimal(10,2)),
    ${ts("i")}, ${ts("i")}, ${ts("i")} from range(${from}, ${to}) t(i)`);
}

/** A warehouse over `db` that records every statement it sends. */
type Statement = readonly [string, readonly BindValue[] | undefined];

function recording(db: DuckDbHook, log: Statement[]): Warehouse {
  return new Warehouse(
    {
      dialect: "duckdb",
      run: (sql, values) => {
        log.push([sql, values]);
        return db.all(sql, values);
      },
      close: () => Promise.resolve(),
    },
    { name: "bench", database: null, schema: "analytics" },
  );
}

/** Catalog questions are the runner's own; the limit is the work statements. */
const isWork = ([sql]: Statement): boolean => !/information_schema\.(tables|columns)/.test(sql);

async function main(): Promise<void> {
  console.log(
    `Transform benchmark (${cpus().length} CPUs, node ${process.version}), ${SALES} sales`,
  );
  const project = compileProject(loadProject(PROJECT));

  // The runner: a full build (models, seed, snapshot, every test).
  const db = await DuckDbHook.open(":memory:", { memoryLimit: "2GB" });
  await stage(db, SALES);
  const statements: Statement[] = [];
  const warehouse = recording(db, statements);
  let started = performance.now();
  const build = await runProject(project, warehouse, { command: "build" });
  const buildSeconds = (performance.now() - started) / 1000;
  const failed = build.results.filter((r) => r.status === "error" || r.status === "fail");
  if (failed.length > 0) throw new Error(`build failed: ${JSON.stringify(failed.slice(0, 3))}`);
  db.close();

  // The limit: the same work statements, in order, on a fresh copy of the data.
  const raw = await DuckDbHook.open(":memory:", { memoryLimit: "2GB" });
  await stage(raw, SALES);
  const work = statements.filter(isWork);
  started = performance.now();
  for (const [sql, values] of work) await raw.all(sql, values);
  const rawSeconds = (performance.now() - started) / 1000;

  // Incremental: 1 % new sales into the fact, against rebuilding it whole. The replayed database
  // holds what the build left.
  const after = recording(raw, []);
  await stage(raw, Math.max(1, Math.round(SALES / 100)), SALES + 1);
  const select = ["fct_vendas"];
  // The new sales' new clients reach dim_clientes first, as in a DAG run (not timed).
  await runProject(project, after, { command: "run", select: ["+fct_vendas"], exclude: select });
  started = performance.now();
  const incremental = await runProject(project, after, { command: "run", select });
  const incrementalSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await runProject(project, after, { command: "run", select, fullRefresh: true });
  const fullRefreshSeconds = (performance.now() - started) / 1000;
  const fact = incremental.results.find((r) => r.uniqueId === "model.novadrive.fct_vendas");
  raw.close();

  const result = {
    sales: SALES,
    nodes: build.results.length,
    statements: { total: statements.length, work: work.length },
    build_s: round(buildSeconds),
    raw_statements_s: round(rawSeconds),
    ratio_to_raw: round(rawSeconds / buildSeconds),
    incremental_fact_message: fact?.message ?? null,
    incremental_s: round(incrementalSeconds),
    full_refresh_s: round(fullRefreshSeconds),
    incremental_speedup: round(fullRefreshSeconds / incrementalSeconds),
    targets: TARGETS,
  };
  console.table({
    "build (runner)": { seconds: result.build_s, nodes: result.nodes },
    "same statements, raw": { seconds: result.raw_statements_s, nodes: result.statements.work },
    "fct_vendas incremental (1 % new)": {
      seconds: result.incremental_s,
      nodes: incremental.results.length,
    },
    "fct_vendas --full-refresh": {
      seconds: result.full_refresh_s,
      nodes: incremental.results.length,
    },
  });
  console.log(
    `ratio to raw ${result.ratio_to_raw} (target ≥ ${TARGETS.ratio_to_raw}); full refresh / incremental time of the fact: ${result.incremental_speedup}`,
  );
  const out = path.join(__dirname, "..", "..", "..", "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "transform.json"), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
