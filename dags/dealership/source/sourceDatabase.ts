// The source database's operations, one transaction each: create the seven tables, seed the
// reference data, insert a batch of sales, apply a batch of updates. Identifiers are quoted,
// values bound; every table is written with one multi-row statement per batch.
import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { multiRowInsert } from "./multiRowInsert";
import { qualifiedName, quoteIdent } from "./quoteIdent";
import { REFERENCE_CREATED_AT, REFERENCE_DATA, type ReferenceData } from "./referenceData";
import type { Rng } from "./rng";
import { generateSales, generateUpdates, type SalesReference } from "./salesGenerator";
import { type SourceDb, withTransaction } from "./sourceClient";
import { SourceOptionError } from "./sourceOptionError";

/** Which schema holds the tables. */
export interface SchemaOptions {
  /** @default "public" */
  readonly schema?: string;
}

const DEFAULT_SCHEMA = "public";

let schemaSql: string | undefined;
const readSchemaSql = (): string =>
  (schemaSql ??= readFileSync(path.join(__dirname, "schema.sql"), "utf8"));

/** Serialises concurrent setups of one schema (`create or replace` races otherwise). */
async function lockSchema(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query("select pg_advisory_xact_lock(hashtext($1))", [`dealership_source:${schema}`]);
}

/**
 * Creates the schema (when missing) and the seven tables, their indexes and triggers. Idempotent.
 * The schema is created only when absent, so a user without CREATE on the database can still
 * run this against `public`.
 */
export async function createSourceSchema(db: SourceDb, options: SchemaOptions = {}): Promise<void> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const quoted = quoteIdent(schema);
  await withTransaction(db, async (client) => {
    await lockSchema(client, schema);
    const found = await client.query("select 1 from pg_namespace where nspname = $1", [schema]);
    if (found.rowCount === 0) await client.query(`create schema ${quoted}`);
    await client.query(`set local search_path to ${quoted}`);
    await client.query(readSchemaSql());
  });
}

/** Reference rows inserted by seedReferenceData, per table (0 where all were there). */
export interface SeededCounts {
  readonly estados: number;
  readonly cidades: number;
  readonly concessionarias: number;
  readonly vendedores: number;
  readonly veiculos: number;
}

/** Moves the id sequence past `key`'s largest value (never back), so new rows get fresh ids. */
async function advanceSequence(
  client: pg.ClientBase,
  schema: string,
  table: string,
  key: string,
): Promise<void> {
  await client.query(
    `select setval(s.seq, m.max_id)
       from (select pg_get_serial_sequence($1, $2)::regclass as seq) as s,
            (select max(${quoteIdent(key)}) as max_id from ${qualifiedName(schema, table)}) as m
      where m.max_id > coalesce(pg_sequence_last_value(s.seq), 0)`,
    [qualifiedName(schema, table), key],
  );
}

/** Inserts the rows whose `key` is missing, stamped with the live source's creation time. */
async function insertMissing<R extends object>(
  client: pg.ClientBase,
  schema: string,
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
): Promise<number> {
  const key = columns[0];
  if (rows.length === 0 || key === undefined) return 0;
  const statement = multiRowInsert(
    qualifiedName(schema, table),
    [...columns, "data_inclusao", "data_atualizacao"],
    rows.map((row) => [
      ...columns.map((column) => row[column]),
      REFERENCE_CREATED_AT,
      REFERENCE_CREATED_AT,
    ]),
    `on conflict (${quoteIdent(key)}) do nothing`,
  );
  const result = await client.query(statement.text, [...statement.values]);
  await advanceSequence(client, schema, table, key);
  return result.rowCount ?? 0;
}

/** Options of seedReferenceData. */
export interface SeedOptions extends SchemaOptions {
  /** @default REFERENCE_DATA (DEALERSHIP.md 2.2) */
  readonly reference?: ReferenceData;
}

/**
 * Inserts the reference rows that are missing, by id (rows already there are left as they are),
 * in foreign-key order, and keeps each id sequence past the seeded ids. Idempotent.
 */
export async function seedReferenceData(
  db: SourceDb,
  options: SeedOptions = {},
): Promise<SeededCounts> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const r = options.reference ?? REFERENCE_DATA;
  return withTransaction(db, async (client) => {
    await lockSchema(client, schema);
    const seed = <R extends object>(
      table: string,
      columns: readonly (keyof R & string)[],
      rows: readonly R[],
    ): Promise<number> => insertMissing(client, schema, table, columns, rows);
    const estados = await seed("estados", ["id_estados", "estado", "sigla"], r.estados);
    const cidades = await seed("cidades", ["id_cidades", "cidade", "id_estados"], r.cidades);
    const concessionarias = await seed(
      "concessionarias",
      ["id_concessionarias", "concessionaria", "id_cidades"],
      r.concessionarias,
    );
    const vendedores = await seed(
      "vendedores",
      ["id_vendedores", "nome", "id_concessionarias"],
      r.vendedores,
    );
    const veiculos = await seed("veiculos", ["id_veiculos", "nome", "tipo", "valor"], r.veiculos);
    return { estados, cidades, concessionarias, vendedores, veiculos };
  });
}

/** Sales per statement at most: `vendas` binds 8 values a row, and the protocol allows 65 535. */
export const MAX_SALES_PER_BATCH = 5000;

/** Options of insertSales. */
export interface InsertSalesOptions extends SchemaOptions {
  readonly count: number;
  readonly rng: Rng;
  /** data_venda. @default the transaction's time, so it equals data_inclusao, as in the live source */
  readonly now?: Date;
  /** @default REFERENCE_DATA */
  readonly reference?: SalesReference;
}

/** The ids of what insertSales created, in insertion order. */
export interface InsertedSales {
  readonly idVendas: readonly number[];
  readonly idClientes: readonly number[];
}

// prettier-ignore
const CLIENTES_COLUMNS = ["id_clientes", "cliente", "endereco", "id_concessionarias", "data_inclusao", "data_atualizacao"];
// prettier-ignore
const VENDAS_COLUMNS = ["id_veiculos", "id_concessionarias", "id_vendedores", "id_clientes", "valor_pago", "data_venda", "data_inclusao", "data_atualizacao"];

async function insertSalesBatch(
  client: pg.ClientBase,
  count: number,
  schema: string,
  options: InsertSalesOptions,
): Promise<InsertedSales> {
  const clientes = qualifiedName(schema, "clientes");
  // Client ids are drawn first so each sale can name its client in the same batch.
  const drawn = await client.query<{ id: number; now: Date }>(
    `select nextval(pg_get_serial_sequence($1, 'id_clientes'))::integer as id, now() as now
       from generate_series(1, $2::integer) order by 1`,
    [clientes, count],
  );
  const ids = drawn.rows.map((row) => row.id);
  // The whole batch gets one stamp, bound: the live source has data_venda, data_inclusao and
  // data_atualizacao equal, and the columns' now() default has microseconds a Date cannot hold.
  const stamp = drawn.rows[0]?.now ?? new Date();
  const sales = generateSales({
    rng: options.rng,
    count,
    now: options.now ?? stamp,
    ...(options.reference === undefined ? {} : { reference: options.reference }),
  });
  const newClientes = multiRowInsert(
    clientes,
    CLIENTES_COLUMNS,
    sales.map(({ cliente: c }, i) => [
      ids[i],
      c.cliente,
      c.endereco,
      c.id_concessionarias,
      stamp,
      stamp,
    ]),
  );
  await client.query(newClientes.text, [...newClientes.values]);
  const newVendas = multiRowInsert(
    qualifiedName(schema, "vendas"),
    VENDAS_COLUMNS,
    sales.map(({ venda: v }, i) => [
      v.id_veiculos,
      v.id_concessionarias,
      v.id_vendedores,
      ids[i],
      v.valor_pago,
      v.data_venda,
      stamp,
      stamp,
    ]),
    "returning id_vendas",
  );
  const inserted = await client.query<{ id_vendas: number }>(newVendas.text, [...newVendas.values]);
  return { idVendas: inserted.rows.map((row) => row.id_vendas), idClientes: ids };
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new SourceOptionError(`count: expected an integer >= 0, got ${count}`);
}

/**
 * Inserts `count` sales, each with its new client, in one transaction: one multi-row INSERT
 * into `clientes` and one into `vendas` per batch of MAX_SALES_PER_BATCH.
 */
export async function insertSales(
  db: SourceDb,
  options: InsertSalesOptions,
): Promise<InsertedSales> {
  checkCount(options.count);
  if (options.count === 0) return { idVendas: [], idClientes: [] };
  const schema = options.schema ?? DEFAULT_SCHEMA;
  return withTransaction(db, async (client) => {
    const idVendas: number[] = [];
    const idClientes: number[] = [];
    for (let done = 0; done < options.count; done += MAX_SALES_PER_BATCH) {
      const count = Math.min(MAX_SALES_PER_BATCH, options.count - done);
      const batch = await insertSalesBatch(client, count, schema, options);
      idVendas.push(...batch.idVendas);
      idClientes.push(...batch.idClientes);
    }
    return { idVendas, idClientes };
  });
}

/** Options of applyUpdates. */
export interface ApplyUpdatesOptions extends SchemaOptions {
  readonly count: number;
  readonly rng: Rng;
  /** @default REFERENCE_DATA */
  readonly reference?: Pick<SalesReference, "veiculos">;
}

/** Rows applyUpdates changed, per kind. */
export interface AppliedUpdates {
  readonly vehiclePrices: number;
  readonly clientAddresses: number;
}

/**
 * Applies `count` generated updates in one transaction, one UPDATE per table. Two updates of
 * one row keep the last; an id missing from a pruned `clientes` changes nothing. The trigger
 * moves data_atualizacao of every row changed.
 */
export async function applyUpdates(
  db: SourceDb,
  options: ApplyUpdatesOptions,
): Promise<AppliedUpdates> {
  checkCount(options.count);
  if (options.count === 0) return { vehiclePrices: 0, clientAddresses: 0 };
  const schema = options.schema ?? DEFAULT_SCHEMA;
  return withTransaction(db, async (client) => {
    const range = await client.query<{ min: number | null; max: number | null }>(
      `select min(id_clientes) as min, max(id_clientes) as max from ${qualifiedName(schema, "clientes")}`,
    );
    const { min, max } = range.rows[0] ?? { min: null, max: null };
    const updates = generateUpdates({
      rng: options.rng,
      count: options.count,
      clientIds: min === null || max === null ? null : { min, max },
      ...(options.reference === undefined ? {} : { reference: options.reference }),
    });
    const prices = new Map<number, string>();
    const addresses = new Map<number, string>();
    for (const update of updates)
      if (update.kind === "vehicle_price") prices.set(update.id_veiculos, update.valor);
      else addresses.set(update.id_clientes, update.endereco);
    const vehiclePrices = await updateColumn(
      client,
      schema,
      "veiculos",
      "valor",
      "numeric",
      prices,
    );
    const clientAddresses = await updateColumn(
      client,
      schema,
      "clientes",
      "endereco",
      "text",
      addresses,
    );
    return { vehiclePrices, clientAddresses };
  });
}

/** `update <table> set <column> = u.value from unnest(ids, values)`; the rows changed. */
async function updateColumn(
  client: pg.ClientBase,
  schema: string,
  table: "veiculos" | "clientes",
  column: string,
  type: "numeric" | "text",
  values: ReadonlyMap<number, string>,
): Promise<number> {
  if (values.size === 0) return 0;
  const key = quoteIdent(`id_${table}`);
  const result = await client.query(
    `update ${qualifiedName(schema, table)} as t set ${quoteIdent(column)} = u.value
       from unnest($1::integer[], $2::${type}[]) as u(id, value)
      where t.${key} = u.id`,
    [[...values.keys()], [...values.values()]],
  );
  return result.rowCount ?? 0;
}
