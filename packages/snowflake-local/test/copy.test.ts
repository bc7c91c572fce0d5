// COPY INTO <table> FROM @stage: CSV (gzipped or not) through DuckDB's read_csv, load history,
// PURGE, FORCE, FILES / PATTERN, errors, and a Postgres COPY ... CSV round trip.

import { destroy, exec, execError } from "./driver";
import { useScratchDir } from "./files";
import { useServer } from "./server";

const ctx = useServer(["CREATE DATABASE wh", "CREATE SCHEMA staging", "CREATE STAGE loads"]);
const files = useScratchDir();

/** What `COPY (SELECT ...) TO STDOUT (FORMAT csv)` writes from Postgres, NULLs and all. */
const POSTGRES_CSV = [
  `1,"Ana ""the boss"", Jr.",244468.26,2024-01-28 19:58:01.123456+00,t,`,
  `2,"multi`,
  `line",0.01,2024-01-28 00:00:00+00,f,""`,
  `3,,-5,,,plain`,
  "",
].join("\n");

async function put(name: string, content: string, target = "@loads"): Promise<void> {
  await exec(ctx().conn, `PUT file://${files.write(name, content)} ${target} AUTO_COMPRESS=TRUE`);
}

test("a Postgres CSV export round-trips: NULLs, quotes, commas, newlines, timestamps, numerics", async () => {
  const { conn } = ctx();
  await exec(
    conn,
    "create table pg_orders (id number, name string, total number(12,2), created_at timestamp_ltz, paid boolean, note string)",
  );
  await put("pg_orders_0001.csv", POSTGRES_CSV);
  const { rows, stmt } = await exec(
    conn,
    `COPY INTO pg_orders FROM @loads FILES=('pg_orders_0001.csv.gz')
     FILE_FORMAT=(TYPE=CSV FIELD_DELIMITER=',' FIELD_OPTIONALLY_ENCLOSED_BY='"' NULL_IF=('\\\\N') EMPTY_FIELD_AS_NULL=TRUE COMPRESSION=GZIP)
     ON_ERROR=ABORT_STATEMENT`,
  );
  expect(rows).toEqual([
    {
      file: "loads/pg_orders_0001.csv.gz",
      status: "LOADED",
      rows_parsed: 3,
      rows_loaded: 3,
      error_limit: 1,
      errors_seen: 0,
      first_error: null,
      first_error_line: null,
      first_error_character: null,
      first_error_column_name: null,
    },
  ]);
  expect((stmt.getColumns() ?? []).map((c) => c.getName())).toEqual([
    "file",
    "status",
    "rows_parsed",
    "rows_loaded",
    "error_limit",
    "errors_seen",
    "first_error",
    "first_error_line",
    "first_error_character",
    "first_error_column_name",
  ]);
  const loaded = await exec(conn, "select * from pg_orders order by id");
  expect(
    loaded.rows.map((r) => ({
      ...r,
      CREATED_AT: (r["CREATED_AT"] as Date | null)?.toISOString() ?? null,
    })),
  ).toEqual([
    {
      ID: 1,
      NAME: 'Ana "the boss", Jr.',
      TOTAL: 244468.26,
      CREATED_AT: "2024-01-28T19:58:01.123Z",
      PAID: true,
      NOTE: null,
    },
    {
      ID: 2,
      NAME: "multi\nline",
      TOTAL: 0.01,
      CREATED_AT: "2024-01-28T00:00:00.000Z",
      PAID: false,
      NOTE: "",
    },
    { ID: 3, NAME: null, TOTAL: -5, CREATED_AT: null, PAID: null, NOTE: "plain" },
  ]);
});

test("a file already loaded into the table is skipped unless FORCE = TRUE", async () => {
  const { conn } = ctx();
  await exec(conn, "create table hist (id int, v string)");
  await put("hist_a.csv", "1,a\n2,b\n");
  const first = await exec(
    conn,
    "copy into hist from @loads pattern='.*hist_.*' file_format=(type=csv)",
  );
  expect(first.rows.map((r) => [r["file"], r["status"], r["rows_loaded"]])).toEqual([
    ["loads/hist_a.csv.gz", "LOADED", 2],
  ]);
  const again = await exec(
    conn,
    "copy into hist from @loads pattern='.*hist_.*' file_format=(type=csv)",
  );
  expect(again.rows).toEqual([{ status: "Copy executed with 0 files processed." }]);
  await put("hist_b.csv", "3,c\n");
  const onlyNew = await exec(
    conn,
    "copy into hist from @loads pattern='.*hist_.*' file_format=(type=csv)",
  );
  expect(onlyNew.rows.map((r) => r["file"])).toEqual(["loads/hist_b.csv.gz"]);
  const forced = await exec(
    conn,
    "copy into hist from @loads pattern='.*hist_.*' file_format=(type=csv) force=true",
  );
  expect(forced.rows).toHaveLength(2);
  expect((await exec(conn, "select count(*) as n from hist")).rows).toEqual([{ N: 6 }]);
});

test("TRUNCATE forgets the table's load history; another table has its own", async () => {
  const { conn } = ctx();
  await exec(conn, "create table hist2 (id int, v string)");
  const intoHist2 = "copy into hist2 from @loads files=('hist_a.csv.gz') file_format=(type=csv)";
  expect((await exec(conn, intoHist2)).rows[0]?.["status"]).toBe("LOADED");
  await exec(conn, "truncate table hist2");
  expect((await exec(conn, intoHist2)).rows[0]?.["status"]).toBe("LOADED");
});

test("PURGE = TRUE deletes the loaded files from the stage", async () => {
  const { conn } = ctx();
  await exec(conn, "create stage purge_me");
  await exec(conn, "create table purged (id int)");
  await put("p1.csv", "1\n", "@purge_me/batch");
  await put("p2.csv", "2\n", "@purge_me/batch");
  const { rows } = await exec(
    conn,
    "copy into purged from @purge_me/batch file_format=(type=csv) purge=true",
  );
  expect(rows).toHaveLength(2);
  expect((await exec(conn, "list @purge_me")).rows).toEqual([]);
});

test("SKIP_HEADER, another delimiter, NULL_IF and an uncompressed file", async () => {
  const { conn } = ctx();
  await exec(conn, "create table piped (id int, d date, label string)");
  await exec(
    conn,
    `PUT file://${files.write("piped.txt", "id|d|label\n1|2024-02-29|NA\n2|2024-03-01|x\n")} @loads AUTO_COMPRESS=FALSE`,
  );
  await exec(
    conn,
    "copy into piped from @loads/piped.txt file_format=(type=csv field_delimiter='|' skip_header=1 null_if=('NA') compression=none)",
  );
  const { rows } = await exec(conn, "select id, to_varchar(d) as d, label from piped order by id");
  expect(rows).toEqual([
    { ID: 1, D: "2024-02-29", LABEL: null },
    { ID: 2, D: "2024-03-01", LABEL: "x" },
  ]);
});

test("a bad value aborts the whole COPY with error 100038 naming the file and line", async () => {
  const { conn } = ctx();
  await exec(conn, "create table strict_t (id int, amount number(10,2))");
  await put("strict_ok.csv", "1,1.00\n");
  await put("strict_bad.csv", "2,2.00\n3,three\n");
  const err = await execError(
    conn,
    "copy into strict_t from @loads pattern='.*strict_.*' file_format=(type=csv)",
  );
  expect(err.code).toBe("100038");
  expect(err.sqlState).toBe("22018");
  expect(err.message).toMatch(/'three' is not recognized/);
  expect(err.message).toMatch(/File 'loads\/strict_bad\.csv\.gz', line 2/);
  expect((await exec(conn, "select count(*) as n from strict_t")).rows).toEqual([{ N: 0 }]);
});

test("a file with the wrong number of columns fails with 100080", async () => {
  const { conn } = ctx();
  await exec(conn, "create table narrow (id int)");
  await put("wide.csv", "1,2,3\n");
  const err = await execError(
    conn,
    "copy into narrow from @loads files=('wide.csv.gz') file_format=(type=csv)",
  );
  expect(err.code).toBe("100080");
});

test("COPY with no files to load answers one status row", async () => {
  const { conn } = ctx();
  await exec(conn, "create stage empty_stage");
  await exec(conn, "create table nothing (id int)");
  const { rows } = await exec(conn, "copy into nothing from @empty_stage file_format=(type=csv)");
  expect(rows).toEqual([{ status: "Copy executed with 0 files processed." }]);
});

test("a COPY rolled back with its transaction does not count as loaded", async () => {
  const { conn } = ctx();
  await exec(conn, "create table rb (id int)");
  await put("rb.csv", "1\n");
  await exec(conn, "begin");
  await exec(conn, "copy into rb from @loads files=('rb.csv.gz') file_format=(type=csv)");
  await exec(conn, "rollback");
  const { rows } = await exec(
    conn,
    "copy into rb from @loads files=('rb.csv.gz') file_format=(type=csv)",
  );
  expect(rows[0]?.["status"]).toBe("LOADED");
});

test("named file formats, stage default formats, column lists and a temporary staging table", async () => {
  const { connect } = ctx();
  const other = await connect({ database: "wh", schema: "staging" });
  await exec(
    other,
    "create or replace file format pipe_fmt type = csv field_delimiter = '|' skip_header = 1",
  );
  await exec(other, "create stage piped_stage file_format = (type = csv field_delimiter = ';')");
  await exec(other, "create temporary table wh.staging.tmp_load (id int, v string, extra string)");
  await exec(other, `PUT file://${files.write("fmt.csv", "h|h\n1|a\n")} @piped_stage/named`);
  await exec(other, `PUT file://${files.write("dflt.csv", "2;b\n")} @piped_stage/default`);
  await exec(
    other,
    "copy into wh.staging.tmp_load (id, v) from @piped_stage/named file_format = (format_name = 'pipe_fmt')",
  );
  await exec(other, "copy into tmp_load (id, v) from @piped_stage/default");
  expect((await exec(other, "select * from wh.staging.tmp_load order by id")).rows).toEqual([
    { ID: 1, V: "a", EXTRA: null },
    { ID: 2, V: "b", EXTRA: null },
  ]);
  await destroy(other);
});
