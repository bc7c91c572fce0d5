// A small dbt project (a source, a view, a table, an incremental model, a singular and a generic
// test) written into a temp folder, and the DuckDB warehouse file its source table lives in, for
// the `updraft transform` tests.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";

/** The project's files; tests override or add files by path. */
export const NOVADRIVE: Readonly<Record<string, string>> = {
  "dbt_project.yml": [
    "name: novadrive",
    "version: '1.0.0'",
    "models:",
    "  novadrive:",
    "    stage:",
    "      +materialized: view",
    "    mart:",
    "      +materialized: table",
    "",
  ].join("\n"),
  "models/sources.yml": [
    "version: 2",
    "sources:",
    "  - name: raw",
    "    schema: raw",
    "    tables:",
    "      - name: vendas",
    "",
  ].join("\n"),
  "models/stage/stg_vendas.sql":
    "select id, valor from {{ source('raw', 'vendas') }} where id >= {{ var('min_id', 0) }}\n",
  "models/stage/schema.yml": [
    "version: 2",
    "models:",
    "  - name: stg_vendas",
    "    columns:",
    "      - name: id",
    "        data_tests: [not_null]",
    "",
  ].join("\n"),
  "models/mart/resumo.sql":
    "select count(*) as vendas, sum(valor) as total from {{ ref('stg_vendas') }}\n",
  "models/mart/vendas_inc.sql": [
    "{{ config(materialized='incremental', unique_key='id') }}",
    "select id, valor from {{ ref('stg_vendas') }}",
    "{% if is_incremental() %}where id > (select coalesce(max(id), 0) from {{ this }}){% endif %}",
    "",
  ].join("\n"),
  // Fails as soon as a sale has a negative value.
  "tests/assert_valor_positivo.sql": "select id from {{ ref('stg_vendas') }} where valor < 0\n",
};

/** A project folder and its warehouse. */
export interface TransformFixture {
  readonly projectDir: string;
  readonly warehouseFile: string;
  /** The env the CLI gets: the warehouse as connection `warehouse`, a private UPDRAFT_HOME. */
  readonly env: Record<string, string>;
  /** Runs statements on the warehouse file, closing it again before the CLI opens it. */
  sql(statements: readonly string[]): Promise<Record<string, unknown>[]>;
  readJson(file: string): unknown;
  remove(): void;
}

/** A password the DuckDB connection carries only so tests can check it is never printed. */
export const WAREHOUSE_PASSWORD = "s3cret-never-printed";

/** Writes the project (with `files` overriding or adding), and seeds raw.vendas with `rows`. */
export async function transformFixture(
  files: Readonly<Record<string, string | null>> = {},
  rows: readonly (readonly [number, number])[] = [
    [1, 100],
    [2, 250],
    [3, 80],
  ],
): Promise<TransformFixture> {
  const root = mkdtempSync(path.join(tmpdir(), "updraft-cli-transform-"));
  const projectDir = path.join(root, "novadrive");
  for (const [file, content] of Object.entries({ ...NOVADRIVE, ...files })) {
    if (content === null) continue;
    const full = path.join(projectDir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  const warehouseFile = path.join(root, "w.duckdb");
  const sql = async (statements: readonly string[]): Promise<Record<string, unknown>[]> => {
    const hook = await DuckDbHook.open(warehouseFile);
    try {
      let last: Record<string, unknown>[] = [];
      for (const statement of statements) last = await hook.all(statement);
      return last;
    } finally {
      hook.close();
    }
  };
  const values = rows.map(([id, valor]) => `(${id}, ${valor})`).join(", ");
  await sql([
    "create schema raw",
    "create table raw.vendas (id integer, valor integer)",
    ...(rows.length > 0 ? [`insert into raw.vendas values ${values}`] : []),
  ]);
  const connection = { conn_type: "duckdb", host: warehouseFile, password: WAREHOUSE_PASSWORD };
  return {
    projectDir,
    warehouseFile,
    env: {
      AIRFLOW_CONN_WAREHOUSE: JSON.stringify(connection),
      UPDRAFT_HOME: path.join(root, "home"),
    },
    sql,
    readJson: (file) => JSON.parse(readFileSync(path.join(projectDir, file), "utf8")) as unknown,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
