// The SQL of a dbt snapshot (SCD type 2) as pure text builders: the first build of the snapshot
// table, the staging set of a later run (dbt's snapshot_staging_table) and the statements that
// apply it. Nothing runs here; the snapshot time travels as a bound value.
import type { Dialect } from "../adapters/dialect";
import type { BindValue } from "../adapters/warehouse";

/** The columns a snapshot adds to its select's, under dbt's default names. */
export type MetaColumn =
  "dbt_scd_id" | "dbt_updated_at" | "dbt_valid_from" | "dbt_valid_to" | "dbt_is_deleted";

/** The name each added column has in the table (config snapshot_meta_column_names). */
export type MetaColumns = Readonly<Record<MetaColumn, string>>;

/** dbt's default names. */
export const DEFAULT_META_COLUMNS: MetaColumns = {
  dbt_scd_id: "dbt_scd_id",
  dbt_updated_at: "dbt_updated_at",
  dbt_valid_from: "dbt_valid_from",
  dbt_valid_to: "dbt_valid_to",
  dbt_is_deleted: "dbt_is_deleted",
};

/** How a later run tells that a current row changed. */
export type ChangeRule =
  | { readonly strategy: "timestamp" }
  | {
      readonly strategy: "check";
      /** The compared columns, as the catalog names them. */
      readonly columns: readonly string[];
      /** A compared column the snapshot table lacks yet: dbt counts every row as changed. */
      readonly columnAdded: boolean;
    };

/** Everything the statements of one snapshot run are built from. */
export interface SnapshotSpec {
  readonly dialect: Dialect;
  /** The snapshot table, rendered. */
  readonly target: string;
  /** The relation holding the select's rows for this run, rendered. */
  readonly source: string;
  /** The select's columns, as the catalog names them. */
  readonly columns: readonly string[];
  /** unique_key: one SQL expression per key part (a quoted column, or the expression as written). */
  readonly uniqueKey: readonly string[];
  /** The strategy's updated_at as SQL; null means the snapshot time (check strategy). */
  readonly updatedAt: string | null;
  readonly change: ChangeRule;
  readonly hardDeletes: "ignore" | "invalidate" | "new_record";
  /** config dbt_valid_to_current: the SQL current rows hold in dbt_valid_to instead of NULL. */
  readonly validToCurrent: string | null;
  readonly meta: MetaColumns;
  /** The run's time, `YYYY-MM-DD HH:MM:SS.mmm` in UTC: one value for every row of the run. */
  readonly snapshotTime: string;
}

/** One statement and the values bound into it. */
export interface Statement {
  readonly sql: string;
  readonly binds: readonly BindValue[];
}

/** The staging set's column saying what each row does: insert, update or delete. */
const CHANGE_TYPE = "dbt_change_type";

/** The strategy's updated_at, computed once per row of the select. */
const UPDATED_AT = "dbt_strategy_updated_at";

/** The snapshot time as a Statement's bound value: the run's Date, UTC, without zone. */
export function snapshotTimeOf(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** Hands out placeholders for the snapshot time; Snowflake's `?` are positional, one per use. */
class Binder {
  readonly binds: BindValue[] = [];
  readonly #spec: SnapshotSpec;

  constructor(spec: SnapshotSpec) {
    this.#spec = spec;
  }

  now(): string {
    const { dialect } = this.#spec;
    this.binds.push(this.#spec.snapshotTime);
    // dbt's snapshot_get_time is a timestamp without zone on every adapter.
    const type = dialect.type === "snowflake" ? "timestamp_ntz" : "timestamp";
    return `cast(${dialect.placeholder(this.binds.length)} as ${type})`;
  }

  updatedAt(): string {
    return this.#spec.updatedAt ?? this.now();
  }
}

/** dbt's snapshot_hash_arguments: md5 of the parts as text, NULL as '', joined by '|'. */
const hashOf = (parts: readonly string[]): string =>
  `md5(${parts.map((p) => `coalesce(cast(${p} as varchar), '')`).join(" || '|' || ")})`;

/** A typed NULL of updated_at's type (dbt's nullif trick), or dbt_valid_to_current. */
const currentValidTo = (spec: SnapshotSpec, updatedAt: () => string): string => {
  // Called twice: a bound value needs a placeholder per use.
  const typedNull = `nullif(${updatedAt()}, ${updatedAt()})`;
  return spec.validToCurrent === null
    ? typedNull
    : `coalesce(${typedNull}, ${spec.validToCurrent})`;
};

/** Whether the row of `alias` is current. */
const isCurrent = (spec: SnapshotSpec, alias: string): string => {
  const validTo = `${alias}.${spec.dialect.quote(spec.meta.dbt_valid_to)}`;
  return spec.validToCurrent === null
    ? `${validTo} is null`
    : `(${validTo} = ${spec.validToCurrent} or ${validTo} is null)`;
};

const keyColumn = (spec: SnapshotSpec, i: number): string =>
  spec.dialect.quote(`dbt_unique_key_${i + 1}`);

/** The select of the first run: its rows, each the current version. */
export function snapshotTableSql(spec: SnapshotSpec): Statement {
  const q = (name: string) => spec.dialect.quote(name);
  const b = new Binder(spec);
  const m = spec.meta;
  const select = [
    ...spec.columns.map(q),
    `${hashOf([...spec.uniqueKey, b.updatedAt()])} as ${q(m.dbt_scd_id)}`,
    `${b.updatedAt()} as ${q(m.dbt_updated_at)}`,
    `${b.updatedAt()} as ${q(m.dbt_valid_from)}`,
    `${currentValidTo(spec, () => b.updatedAt())} as ${q(m.dbt_valid_to)}`,
    ...(spec.hardDeletes === "new_record" ? [`'False' as ${q(m.dbt_is_deleted)}`] : []),
  ];
  return {
    sql: `select\n  ${select.join(",\n  ")}\nfrom ${spec.source} as snapshot_query`,
    binds: b.binds,
  };
}

/** The columns a run inserts into the snapshot table, in order. */
function insertedColumns(spec: SnapshotSpec): string[] {
  const m = spec.meta;
  return [
    ...spec.columns,
    m.dbt_scd_id,
    m.dbt_updated_at,
    m.dbt_valid_from,
    m.dbt_valid_to,
    ...(spec.hardDeletes === "new_record" ? [m.dbt_is_deleted] : []),
  ];
}

/** The staging set's columns: the change type, then what is inserted. */
const stagedColumns = (spec: SnapshotSpec): string[] => [CHANGE_TYPE, ...insertedColumns(spec)];

/** dbt's row_changed for a matched pair, plus new_record's "the current row is a deletion". */
function rowChanged(spec: SnapshotSpec): string {
  const q = (name: string) => spec.dialect.quote(name);
  let changed: string;
  if (spec.change.strategy === "timestamp")
    changed = `snapshotted_data.${q(spec.meta.dbt_valid_from)} < source_data.${q(UPDATED_AT)}`;
  else if (spec.change.columnAdded) changed = "true";
  else
    changed = spec.change.columns
      .map((c) => `snapshotted_data.${q(c)} is distinct from source_data.${q(c)}`)
      .join("\n      or ");
  return spec.hardDeletes === "new_record"
    ? `(${changed})\n      or ${isDeletion(spec, "snapshotted_data")}`
    : `(${changed})`;
}

const isDeletion = (spec: SnapshotSpec, alias: string): string =>
  `${alias}.${spec.dialect.quote(spec.meta.dbt_is_deleted)} = 'True'`;

/** A row from before hard_deletes was new_record has a NULL flag: it is no deletion. */
const isNotDeletion = (spec: SnapshotSpec, alias: string): string =>
  `coalesce(${alias}.${spec.dialect.quote(spec.meta.dbt_is_deleted)}, 'False') <> 'True'`;

/** Each part of the key: matched on both sides. */
const joinOn = (spec: SnapshotSpec): string =>
  spec.uniqueKey
    .map((_, i) => `snapshotted_data.${keyColumn(spec, i)} = source_data.${keyColumn(spec, i)}`)
    .join(" and ");

/** Every part of the key is NULL on `alias`'s side: the outer join found no partner. */
const unmatched = (spec: SnapshotSpec, alias: string): string =>
  spec.uniqueKey.map((_, i) => `${alias}.${keyColumn(spec, i)} is null`).join(" and ");

/** One part of the staging set: the staged columns' `values`, selected from a join. */
function changesCte(
  spec: SnapshotSpec,
  name: string,
  values: readonly string[],
  from: string,
  where: string,
): string {
  const columns = stagedColumns(spec);
  const select = values
    .map((value, i) => `${value} as ${spec.dialect.quote(columns[i]!)}`)
    .join(",\n    ");
  return `${name} as (\n  select\n    ${select}\n  ${from}\n  where ${where}\n)`;
}

/** The select's rows and the current versions, each with its key parts as dbt_unique_key_<n>. */
function sidesCtes(spec: SnapshotSpec, b: Binder): string[] {
  // Key expressions name unqualified columns: each is evaluated where one relation is in scope.
  const keys = spec.uniqueKey.map((key, i) => `${key} as ${keyColumn(spec, i)}`).join(", ");
  return [
    `source_data as (
  select snapshot_query.*, ${keys},
    ${b.updatedAt()} as ${spec.dialect.quote(UPDATED_AT)}
  from ${spec.source} as snapshot_query
)`,
    `snapshotted_data as (
  select snapshotted.*, ${keys}
  from ${spec.target} as snapshotted
  where ${isCurrent(spec, "snapshotted")}
)`,
  ];
}

/** New keys and new versions of changed rows. */
function insertionsCte(spec: SnapshotSpec): string {
  const q = (name: string) => spec.dialect.quote(name);
  const updatedAt = `source_data.${q(UPDATED_AT)}`;
  const keys = spec.uniqueKey.map((_, i) => `source_data.${keyColumn(spec, i)}`);
  return changesCte(
    spec,
    "insertions",
    [
      "'insert'",
      ...spec.columns.map((c) => `source_data.${q(c)}`),
      hashOf([...keys, updatedAt]),
      updatedAt,
      updatedAt,
      currentValidTo(spec, () => updatedAt),
      ...(spec.hardDeletes === "new_record" ? ["'False'"] : []),
    ],
    `from source_data\n  left join snapshotted_data on ${joinOn(spec)}`,
    `${unmatched(spec, "snapshotted_data")}\n    or (${rowChanged(spec)})`,
  );
}

/** The current versions of changed rows, closed at the new version's updated_at. */
function updatesCte(spec: SnapshotSpec): string {
  const q = (name: string) => spec.dialect.quote(name);
  const updatedAt = `source_data.${q(UPDATED_AT)}`;
  return changesCte(
    spec,
    "updates",
    [
      "'update'",
      ...spec.columns.map((c) => `source_data.${q(c)}`),
      `snapshotted_data.${q(spec.meta.dbt_scd_id)}`,
      updatedAt,
      updatedAt,
      updatedAt,
      ...(spec.hardDeletes === "new_record"
        ? [`snapshotted_data.${q(spec.meta.dbt_is_deleted)}`]
        : []),
    ],
    `from source_data\n  join snapshotted_data on ${joinOn(spec)}`,
    rowChanged(spec),
  );
}

/** Current versions whose key the select no longer returns (not already a deletion row). */
const vanished = (spec: SnapshotSpec): string =>
  spec.hardDeletes === "new_record"
    ? `${unmatched(spec, "source_data")}\n    and ${isNotDeletion(spec, "snapshotted_data")}`
    : unmatched(spec, "source_data");

/** hard_deletes invalidate and new_record: vanished keys' current versions, closed now. */
function deletesCte(spec: SnapshotSpec, b: Binder): string {
  const q = (name: string) => spec.dialect.quote(name);
  return changesCte(
    spec,
    "deletes",
    [
      "'delete'",
      ...spec.columns.map((c) => `source_data.${q(c)}`),
      `snapshotted_data.${q(spec.meta.dbt_scd_id)}`,
      b.now(),
      b.now(),
      b.now(),
      ...(spec.hardDeletes === "new_record"
        ? [`snapshotted_data.${q(spec.meta.dbt_is_deleted)}`]
        : []),
    ],
    `from snapshotted_data\n  left join source_data on ${joinOn(spec)}`,
    vanished(spec),
  );
}

/** hard_deletes new_record: a current deletion row per vanished key, a copy of its last version. */
function deletionRecordsCte(spec: SnapshotSpec, b: Binder): string {
  const q = (name: string) => spec.dialect.quote(name);
  return changesCte(
    spec,
    "deletion_records",
    [
      "'insert'",
      ...spec.columns.map((c) => `snapshotted_data.${q(c)}`),
      hashOf([`snapshotted_data.${q(spec.meta.dbt_scd_id)}`, b.now()]),
      b.now(),
      b.now(),
      `snapshotted_data.${q(spec.meta.dbt_valid_to)}`,
      "'True'",
    ],
    `from snapshotted_data\n  left join source_data on ${joinOn(spec)}`,
    vanished(spec),
  );
}

/**
 * dbt's snapshot_staging_table: one row per change. `insert` rows are new keys, new versions
 * of changed rows and (new_record) deletion rows; `update` rows close a changed row's current
 * version at the new version's updated_at; `delete` rows (invalidate, new_record) close the
 * current version of a key the select no longer returns, at the snapshot time.
 */
export function stagingSql(spec: SnapshotSpec): Statement {
  // Built in text order: Snowflake's positional placeholders take the binds in that order.
  const b = new Binder(spec);
  const ctes = [...sidesCtes(spec, b), insertionsCte(spec), updatesCte(spec)];
  const parts = ["insertions", "updates"];
  if (spec.hardDeletes !== "ignore") {
    ctes.push(deletesCte(spec, b));
    parts.push("deletes");
  }
  if (spec.hardDeletes === "new_record") {
    ctes.push(deletionRecordsCte(spec, b));
    parts.push("deletion_records");
  }
  const columns = stagedColumns(spec)
    .map((c) => spec.dialect.quote(c))
    .join(", ");
  const union = parts.map((p) => `select ${columns} from ${p}`).join("\nunion all\n");
  return { sql: `with ${ctes.join(",\n")}\n${union}`, binds: b.binds };
}

/** How many staged rows of each change type there are: `change_type`, `n`. */
export const countChangesSql = (spec: SnapshotSpec, staging: string): string =>
  `select ${spec.dialect.quote(CHANGE_TYPE)} as change_type, count(*) as n from ${staging} group by 1`;

/** Closes the current versions the staging set updates or invalidates (dbt's merge, matched). */
export function closeRowsSql(spec: SnapshotSpec, staging: string): string {
  const q = (name: string) => spec.dialect.quote(name);
  const m = spec.meta;
  return `update ${spec.target} as snapshotted
set ${q(m.dbt_valid_to)} = changes.${q(m.dbt_valid_to)}
from ${staging} as changes
where changes.${q(m.dbt_scd_id)} = snapshotted.${q(m.dbt_scd_id)}
  and changes.${q(CHANGE_TYPE)} in ('update', 'delete')
  and ${isCurrent(spec, "snapshotted")}`;
}

/** Inserts the staged new rows (dbt's merge, not matched). */
export function insertRowsSql(spec: SnapshotSpec, staging: string): string {
  const columns = insertedColumns(spec)
    .map((c) => spec.dialect.quote(c))
    .join(", ");
  return `insert into ${spec.target} (${columns})
select ${columns} from ${staging} as changes
where changes.${spec.dialect.quote(CHANGE_TYPE)} = 'insert'`;
}
