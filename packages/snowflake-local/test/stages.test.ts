// Stages: CREATE STAGE, PUT (the driver copies into LOCAL_FS stage directories), LIST, REMOVE, GET.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { destroy, exec, execError } from "./driver";
import { useScratchDir } from "./files";
import { useServer } from "./server";

const dataDir = mkdtempSync(path.join(tmpdir(), "sfl-stages-"));
const ctx = useServer(["CREATE DATABASE lake", "CREATE STAGE landing"], { dataDir });
const files = useScratchDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("PUT with AUTO_COMPRESS gzips the file into the stage and resolves with the driver's rows", async () => {
  const { conn } = ctx();
  const file = files.write("orders.csv", "1,a\n2,b\n");
  const { rows } = await exec(conn, `PUT file://${file} @landing AUTO_COMPRESS=TRUE PARALLEL=4`);
  expect(rows).toEqual([
    {
      source: "orders.csv",
      target: "orders.csv.gz",
      sourceSize: 8,
      targetSize: expect.any(Number),
      sourceCompression: null,
      targetCompression: "GZIP",
      status: "UPLOADED",
      message: undefined,
    },
  ]);
  const listed = await exec(conn, "LIST @landing");
  expect(listed.rows).toEqual([
    {
      name: "landing/orders.csv.gz",
      size: expect.any(Number),
      md5: expect.stringMatching(/^[0-9a-f]{32}$/),
      last_modified: expect.any(String),
    },
  ]);
});

test("PUT AUTO_COMPRESS=FALSE OVERWRITE=TRUE to a prefix stores the file as it is", async () => {
  const { conn } = ctx();
  const file = files.write("plain.csv", "x,y\n");
  await exec(conn, `put 'file://${file}' @landing/2024/01 auto_compress=false overwrite=true`);
  await exec(conn, `put file://${file} @landing/2024/01 auto_compress=false overwrite=true`);
  const { rows } = await exec(conn, "list @landing/2024/");
  expect(rows.map((r) => r["name"])).toEqual(["landing/2024/01/plain.csv"]);
});

test("PUT with a wildcard uploads every matching file", async () => {
  const { conn } = ctx();
  for (const n of [1, 2, 3]) files.write(`batch_${n}.csv`, `${n}\n`);
  const { rows } = await exec(
    conn,
    `PUT file://${files.dir()}/batch_*.csv @landing/batches PARALLEL=2`,
  );
  expect(rows.map((r) => r["target"]).sort()).toEqual([
    "batch_1.csv.gz",
    "batch_2.csv.gz",
    "batch_3.csv.gz",
  ]);
  expect((await exec(conn, "LIST @landing/batches")).rows).toHaveLength(3);
});

test("an already-gzipped file is uploaded without compressing it again", async () => {
  const { conn } = ctx();
  const file = files.write("part-0.csv.gz", "1\n2\n", true);
  const { rows } = await exec(conn, `PUT file://${file} @landing/gz`);
  expect(rows[0]).toMatchObject({
    target: "part-0.csv.gz",
    targetCompression: "GZIP",
    status: "UPLOADED",
  });
  // The driver requires GET's local directory to exist.
  const get = files.dir();
  mkdirSync(path.join(get, "downloaded"));
  await exec(conn, `GET @landing/gz file://${get}/downloaded/`);
  expect(gunzipSync(readFileSync(path.join(get, "downloaded", "part-0.csv.gz"))).toString()).toBe(
    "1\n2\n",
  );
});

test("the user stage @~ and table stages @%t are directories too", async () => {
  const { conn } = ctx();
  await exec(conn, "create table events (id int)");
  const file = files.write("events.csv", "1\n");
  await exec(conn, `PUT file://${file} @~/staged`);
  await exec(conn, `PUT file://${file} @%events`);
  expect((await exec(conn, "LIST @~")).rows.map((r) => r["name"])).toEqual([
    "staged/events.csv.gz",
  ]);
  expect((await exec(conn, "LIST @%events")).rows.map((r) => r["name"])).toEqual(["events.csv.gz"]);
});

test("REMOVE deletes the files under a prefix, or matching a PATTERN", async () => {
  const { conn } = ctx();
  await exec(conn, "create stage trash");
  for (const name of ["a1.csv", "a2.csv", "b1.csv"])
    await exec(conn, `PUT file://${files.write(name, "z\n")} @trash/dir`);
  const byPattern = await exec(conn, "REMOVE @trash PATTERN='.*b1.*'");
  expect(byPattern.rows).toEqual([{ name: "trash/dir/b1.csv.gz", result: "removed" }]);
  const byPrefix = await exec(conn, "rm @trash/dir/a");
  expect(byPrefix.rows.map((r) => r["name"])).toEqual([
    "trash/dir/a1.csv.gz",
    "trash/dir/a2.csv.gz",
  ]);
  expect((await exec(conn, "list @trash")).rows).toEqual([]);
});

test("CREATE OR REPLACE STAGE empties it; a missing stage is error 002003", async () => {
  const { conn } = ctx();
  await exec(conn, "create stage redo");
  await exec(conn, `PUT file://${files.write("r.csv", "1\n")} @redo`);
  await exec(conn, "create or replace stage redo");
  expect((await exec(conn, "list @redo")).rows).toEqual([]);
  const err = await execError(conn, "list @nope");
  expect(err.code).toBe("002003");
  expect((await execError(conn, `PUT file://${files.write("n.csv", "1\n")} @nope`)).code).toBe(
    "002003",
  );
});

test("a temporary stage disappears when its session ends", async () => {
  const { connect, conn } = ctx();
  const other = await connect({ database: "lake" });
  await exec(other, "create temporary stage scratch_stage");
  await exec(other, `PUT file://${files.write("t.csv", "1\n")} @scratch_stage`);
  expect((await exec(conn, "list @scratch_stage")).rows).toHaveLength(1);
  await destroy(other);
  expect((await execError(conn, "list @scratch_stage")).code).toBe("002003");
});

test("a named stage is a directory under dataDir/stages/<db>/<schema>/<stage>", () => {
  const staged = path.join(dataDir, "stages", "LAKE", "PUBLIC", "LANDING", "orders.csv.gz");
  expect(gunzipSync(readFileSync(staged)).toString()).toBe("1,a\n2,b\n");
});
