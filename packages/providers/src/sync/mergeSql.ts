// The MERGE a sync load runs, for every warehouse dialect: the loaded batch merged on the primary
// key. A batch holds each key once (one snapshot of a table with that primary key), so it needs
// no de-duplication — which would sort the whole batch, and cost memory growing with it. upsert_by_cursor updates a row when the batch's cursor
// is newer, or equal with different values (two transactions can start in the same
// microsecond); so re-running a sync updates nothing. append_by_id only inserts.
import { quoteIdentifier } from "../sql/quoteIdentifier";
import type { CompiledTableSyncSpec } from "./tableSyncSpec";

/** What differs between dialects. */
export interface MergeDialect {
  /** Quotes a column (Snowflake wants them upper-cased to match unquoted references). */
  readonly column: (name: string) => string;
  /** A condition true when two values differ, NULLs compared as values. */
  readonly differs: (a: string, b: string) => string;
}

/** Input of mergeSql. */
export interface MergeSqlInput {
  readonly spec: CompiledTableSyncSpec;
  readonly columns: readonly string[];
  /** The target table, quoted. */
  readonly target: string;
  /** A relation holding the batch (a table name or a table function), as SQL. */
  readonly batch: string;
  readonly dialect: MergeDialect;
}

/** The MERGE statement of one load. */
export function mergeSql(input: MergeSqlInput): string {
  const { spec, dialect } = input;
  const col = dialect.column;
  const pk = col(spec.primaryKey);
  const names = input.columns.map(col);
  let update = "";
  if (spec.strategy === "upsert_by_cursor") {
    const cursor = col(spec.cursorColumn);
    const changed = names.map((n) => dialect.differs(`s.${n}`, `t.${n}`)).join(" or ");
    update = `when matched and (s.${cursor} > t.${cursor} or (s.${cursor} = t.${cursor} and (${changed})))
      then update set ${names.map((n) => `${n} = s.${n}`).join(", ")}`;
  }
  return `merge into ${input.target} t using (select * from ${input.batch}) s on t.${pk} = s.${pk}
    ${update}
    when not matched then insert (${names.join(", ")}) values (${names.map((n) => `s.${n}`).join(", ")})`;
}

/** Postgres-style dialects (DuckDB): plain quoted names, IS DISTINCT FROM. */
export const STANDARD_MERGE: MergeDialect = {
  column: quoteIdentifier,
  differs: (a, b) => `${a} is distinct from ${b}`,
};
