// Results of any size come back inline in one response.

import { exec } from "./driver";
import { useServer } from "./server";

const ctx = useServer();

test("a 100,000-row result arrives complete and decoded", async () => {
  const { rows } = await exec(
    ctx().conn,
    "select range as id, 'row ' || range as label, range * 0.5 as half from range(100000) order by id",
  );
  expect(rows).toHaveLength(100_000);
  expect(rows[0]).toEqual({ ID: 0, LABEL: "row 0", HALF: 0 });
  expect(rows[99_999]).toEqual({ ID: 99_999, LABEL: "row 99999", HALF: 49_999.5 });
});

test("array binds past the driver's default stage-binding threshold stay inline", async () => {
  const { conn } = ctx();
  await exec(conn, "create database big");
  await exec(conn, "create table wide (a int, b string, c float)");
  const rows = Array.from({ length: 35_000 }, (_, i) => [i, `b${i}`, i / 2]);
  const { stmt } = await exec(conn, "insert into wide values (?, ?, ?)", rows);
  expect(stmt.getNumUpdatedRows()).toBe(35_000);
  expect((await exec(conn, "select count(*) as n from wide")).rows).toEqual([{ N: 35_000 }]);
});

test("streamResult with streamRows() reads the inline result row by row", async () => {
  const { stmt } = await exec(ctx().conn, "select range as id from range(5000)", undefined, {
    streamResult: true,
  });
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    stmt
      .streamRows()
      .on("data", () => (count += 1))
      .on("end", resolve)
      .on("error", reject);
  });
  expect(count).toBe(5000);
});
