// A source table's columns, in table order, from information_schema — filtered by schema (the
// seed DAG read every schema's same-named table) and ordered (it relied on an unspecified order).
import { ProviderError } from "../providerError";
import type { PostgresSession } from "./postgresHook";

/** One column as the sync needs it. */
export interface SourceColumn {
  readonly name: string;
  /** information_schema's data_type (integer, numeric, character varying, timestamp with time zone, …). */
  readonly dataType: string;
  readonly numericPrecision: number | null;
  readonly numericScale: number | null;
  readonly characterMaximumLength: number | null;
  readonly nullable: boolean;
}

/** Reads the columns of `schema.table`; throws when the table does not exist. */
export async function sourceColumns(
  session: Pick<PostgresSession, "query">,
  schema: string,
  table: string,
): Promise<SourceColumn[]> {
  const rows = await session.query<{
    column_name: string;
    data_type: string;
    numeric_precision: number | null;
    numeric_scale: number | null;
    character_maximum_length: number | null;
    is_nullable: string;
  }>(
    `select column_name, data_type, numeric_precision, numeric_scale, character_maximum_length,
       is_nullable
     from information_schema.columns where table_schema = $1 and table_name = $2
     order by ordinal_position`,
    [schema, table],
  );
  if (rows.length === 0)
    throw new ProviderError("SOURCE_MISMATCH", `source table ${schema}.${table}: not found`);
  return rows.map((r) => ({
    name: r.column_name,
    dataType: r.data_type,
    numericPrecision: r.numeric_precision === null ? null : Number(r.numeric_precision),
    numericScale: r.numeric_scale === null ? null : Number(r.numeric_scale),
    characterMaximumLength:
      r.character_maximum_length === null ? null : Number(r.character_maximum_length),
    nullable: r.is_nullable === "YES",
  }));
}
