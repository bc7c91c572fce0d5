// The dealership's transform DAG: its shape (a task per node, grouped by folder, tests right
// after their model, scheduled on the load's assets), and the whole pipeline end to end — a
// real source (Postgres) loaded by the load DAG's tasks into DuckDB, then every transform task
// in order — checked against figures computed on the source itself; then new sales and a price
// correction, and a second run: the fact merged incrementally, the snapshot keeping history.
// The same through the Snowflake path (the real snowflake-sdk against the local server).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook, SnowflakeHook } from "@updraft/providers";
import { loadDagBag } from "@updraft/runtime";
import { Connection, type Dag, parseConnection } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";
import { startLocalSnowflake } from "@updraft/snowflake-local";
import { applyUpdates, createRng, insertSales } from "../dealership/source";
import { STAGE_TABLES } from "../dealership/assets";
import { useSourceDatabase } from "./support/sourceDatabase";

const bag = loadDagBag(path.join(__dirname, ".."));

const sourceDb = useSourceDatabase({ seeded: true });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "updraft-dags-transform-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const dagOf = (dagId: string): Dag => bag.dags.get(dagId)!.dag;

/** Runs every task of both DAGs in topological order, as one run of each would. */
async function runPipeline(warehouse: Connection, fullRefresh = false): Promise<void> {
  const connections = {
    postgres_source: parseConnection("postgres_source", sourceDb().database.url),
    dealership_warehouse: warehouse,
  };
  const load = fakeTaskRun({
    dagId: "postgres_to_snowflake_incremental",
    connections,
    params: {
      source_conn_id: "postgres_source",
      source_schema: "public",
      warehouse_conn_id: "dealership_warehouse",
    },
  });
  const loadDag = dagOf("postgres_to_snowflake_incremental");
  for (const id of loadDag.topologicalTaskIds()) await load.run(loadDag.task(id));
  const transform = fakeTaskRun({
    dagId: "dealership_transform",
    connections,
    params: { warehouse_conn_id: "dealership_warehouse", full_refresh: fullRefresh },
  });
  const transformDag = dagOf("dealership_transform");
  for (const id of transformDag.topologicalTaskIds()) await transform.run(transformDag.task(id));
}

/** Figures straight from the source, as the analyses must report them. */
async function sourceFigures(): Promise<{
  byDealership: Map<number, [number, string]>;
  byState: Map<string, [number, string]>;
  total: string;
  count: number;
}> {
  const dealerships = await sourceDb().pool.query<{ id: number; n: string; total: string }>(
    `select id_concessionarias as id, count(*) as n, sum(valor_pago)::text as total
     from vendas group by id_concessionarias`,
  );
  const states = await sourceDb().pool.query<{ sigla: string; n: string; total: string }>(
    `select e.sigla, count(v.id_vendas) as n, coalesce(sum(v.valor_pago), 0)::text as total
     from estados e join cidades c using (id_estados)
     join concessionarias d using (id_cidades)
     left join vendas v using (id_concessionarias)
     group by e.sigla`,
  );
  const [all] = (
    await sourceDb().pool.query<{ n: string; total: string }>(
      "select count(*) as n, sum(valor_pago)::text as total from vendas",
    )
  ).rows;
  return {
    byDealership: new Map(dealerships.rows.map((r) => [r.id, [Number(r.n), r.total]])),
    byState: new Map(states.rows.map((r) => [r.sigla.toUpperCase(), [Number(r.n), r.total]])),
    total: Number(all!.total).toFixed(2),
    count: Number(all!.n),
  };
}

const money = (value: unknown): string => Number(value).toFixed(2);

describe("dealership_transform", () => {
  test("a task per model, seed and snapshot, grouped by folder, tests after their node, on the load's assets", () => {
    expect(bag.importErrors).toEqual([]);
    const { dag } = bag.dags.get("dealership_transform")!.serialized;
    expect(JSON.stringify(dag.schedule_assets)).toContain("warehouse://dealership/stage/vendas");
    for (const table of STAGE_TABLES)
      expect(JSON.stringify(dag.schedule_assets)).toContain(
        `warehouse://dealership/stage/${table}`,
      );
    const tasks = Object.fromEntries(dag.tasks.map((t) => [t.task_id, t]));
    // Stage views, dimensions, the fact and the analyses, each with its tests.
    for (const id of [
      "stage.stg_vendas.run",
      "stage.stg_vendas.test",
      "dimensions.dim_veiculos.run",
      "dimensions.dim_veiculos.test",
      "facts.fct_vendas.run",
      "facts.fct_vendas.test",
      "analysis.analise_vendas_temporal.run",
      "regioes.seed",
      "regioes.test",
      "snap_veiculos_precos_snapshot",
    ])
      expect(Object.keys(tasks)).toContain(id);
    // The ephemeral model has no task; its children wait for the fact's tests instead.
    expect(Object.keys(tasks).some((id) => id.includes("vendas_horario_local"))).toBe(false);
    expect(tasks["analysis.analise_vendas_temporal.run"]!.upstream_task_ids).toEqual([
      "facts.fct_vendas.test",
    ]);
    expect(tasks["facts.fct_vendas.test"]!.upstream_task_ids).toEqual(["facts.fct_vendas.run"]);
    expect(tasks["facts.fct_vendas.run"]!.upstream_task_ids).toEqual([
      "dimensions.dim_clientes.test",
      "dimensions.dim_concessionarias.test",
      "dimensions.dim_veiculos.test",
      "dimensions.dim_vendedores.test",
      "stage.stg_vendas.test",
    ]);
    expect(tasks["dimensions.dim_estados.run"]!.upstream_task_ids).toEqual([
      "regioes.test",
      "stage.stg_estados.test",
    ]);
  });

  test("end to end on DuckDB: load, transform, new sales and a price change, transform again", async () => {
    const file = path.join(dir, "dealership.duckdb");
    const warehouse = new Connection({
      conn_id: "dealership_warehouse",
      conn_type: "duckdb",
      host: file,
    });
    const rng = createRng(21);
    await insertSales(sourceDb().pool, { count: 120, rng });
    await runPipeline(warehouse);
    const check = async () => {
      const expected = await sourceFigures();
      const db = await DuckDbHook.open(file);
      try {
        const dealerships = await db.all<{
          concessionaria_id: number;
          quantidade: bigint;
          total: string;
        }>(
          "select concessionaria_id, quantidade, total from analytics.analise_vendas_concessionaria",
        );
        expect(dealerships.length).toBe(expected.byDealership.size);
        for (const row of dealerships)
          expect([Number(row.quantidade), money(row.total)]).toEqual([
            expected.byDealership.get(row.concessionaria_id)![0],
            money(expected.byDealership.get(row.concessionaria_id)![1]),
          ]);
        const states = await db.all<{ sigla: string; quantidade: bigint; total: string }>(
          "select sigla, quantidade, total from analytics.analise_vendas_estado",
        );
        expect(states).toHaveLength(27);
        for (const row of states)
          expect([row.sigla, Number(row.quantidade), money(row.total)]).toEqual([
            row.sigla,
            expected.byState.get(row.sigla)![0],
            money(expected.byState.get(row.sigla)![1]),
          ]);
        const [months] = await db.all<{ n: bigint; total: string }>(
          "select sum(numero_vendas) as n, sum(total_vendas) as total from analytics.analise_vendas_temporal",
        );
        expect([Number(months!.n), money(months!.total)]).toEqual([expected.count, expected.total]);
        const [cities] = await db.all<{ sample: string }>(
          "select nome_cidade as sample from analytics.dim_cidades where cidade_id = 19",
        );
        expect(cities!.sample).toBe("Rio De Janeiro");
        return db;
      } catch (error) {
        db.close();
        throw error;
      }
    };
    (await check()).close();
    // New sales, updated sales (the fact is merged, not appended) and price corrections.
    await insertSales(sourceDb().pool, { count: 40, rng });
    await sourceDb().pool.query(
      "update vendas set valor_pago = valor_pago - 1, data_atualizacao = now() where id_vendas = 1",
    );
    await sourceDb().pool.query(
      "update veiculos set valor = valor - 100, data_atualizacao = now() where id_veiculos = 2",
    );
    await applyUpdates(sourceDb().pool, { count: 10, rng });
    await runPipeline(warehouse);
    const db = await check();
    try {
      const [fact] = await db.all<{ n: bigint; ids: bigint; paid: string }>(
        "select count(*) as n, count(distinct venda_id) as ids, max(case when venda_id = 1 then valor_venda end) as paid from analytics.fct_vendas",
      );
      const [source] = (
        await sourceDb().pool.query<{ paid: string }>(
          "select valor_pago::text as paid from vendas where id_vendas = 1",
        )
      ).rows;
      expect([Number(fact!.n), Number(fact!.ids), money(fact!.paid)]).toEqual([
        160,
        160,
        money(source!.paid),
      ]);
      const history = await db.all<{ valor: string; open: boolean }>(
        `select valor, dbt_valid_to is null as open from snapshots.snap_veiculos_precos
         where id_veiculos = 2 order by dbt_valid_from`,
      );
      const [current] = (
        await sourceDb().pool.query<{ valor: string }>(
          "select valor::text from veiculos where id_veiculos = 2",
        )
      ).rows;
      expect(history.map((h) => h.open)).toEqual([false, true]);
      expect(money(history.at(-1)!.valor)).toBe(money(current!.valor));
    } finally {
      db.close();
    }
  }, 120_000);

  test("the Snowflake path: the same pipeline through the real snowflake-sdk and the local server", async () => {
    const server = await startLocalSnowflake();
    const snowflake = (database = "") =>
      parseConnection(
        "dealership_warehouse",
        `snowflake://loader:not-a-real-secret@local/${database}${database && "/STAGE"}?warehouse=DEFAULT_WH&access_url=${encodeURIComponent(server.accessUrl)}`,
      );
    const hook = SnowflakeHook.fromConnection(snowflake());
    try {
      await hook.execute("create database if not exists NOVADRIVE");
      await runPipeline(snowflake("NOVADRIVE"));
      await insertSales(sourceDb().pool, { count: 15, rng: createRng(5) });
      await runPipeline(snowflake("NOVADRIVE"));
      const expected = await sourceFigures();
      const dealerships = await hook.execute<{ ID: number; QUANTIDADE: number; TOTAL: number }>(
        `select concessionaria_id as id, quantidade, total
         from NOVADRIVE.ANALYTICS.ANALISE_VENDAS_CONCESSIONARIA`,
      );
      expect(dealerships.length).toBe(expected.byDealership.size);
      for (const row of dealerships)
        expect([row.QUANTIDADE, money(row.TOTAL)]).toEqual([
          expected.byDealership.get(row.ID)![0],
          money(expected.byDealership.get(row.ID)![1]),
        ]);
      const [fact] = await hook.execute<{ N: number; TOTAL: number }>(
        "select count(*) as n, sum(valor_venda) as total from NOVADRIVE.ANALYTICS.FCT_VENDAS",
      );
      expect([fact!.N, money(fact!.TOTAL)]).toEqual([expected.count, expected.total]);
      const [city] = await hook.execute<{ NOME: string }>(
        "select nome_cidade as nome from NOVADRIVE.ANALYTICS.DIM_CIDADES where cidade_id = 19",
      );
      expect(city!.NOME).toBe("Rio De Janeiro");
      const [history] = await hook.execute<{ N: number }>(
        "select count(*) as n from NOVADRIVE.SNAPSHOTS.SNAP_VEICULOS_PRECOS where dbt_valid_to is null",
      );
      expect(history!.N).toBe(8);
    } finally {
      await hook.close();
      await server.stop();
    }
  }, 120_000);
});
