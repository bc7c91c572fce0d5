import pg from "pg";
import { startTries, finishTaskInstances } from "./src";
const url = process.argv[2]!;
(async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("set plan_cache_mode = force_generic_plan");
  const ti = (
    await c.query(
      "select * from task_instance where dag_id like 'bench_chain%' order by end_date desc limit 1",
    )
  ).rows[0];
  let n = 0;
  const client: any = {
    dialect: "postgres",
    query: async (text: string, params: unknown[]) => {
      const name = `s${n++}`;
      const types = params.map((p) =>
        typeof p === "string" && p.startsWith("[") ? "jsonb" : "text",
      );
      await c.query(`prepare ${name}(${types.join(",")}) as ${text}`);
      const lit = params.map((p) => `'${String(p).replace(/'/g, "''")}'`).join(",");
      for (let i = 0; i < 2; i++) {
        await c.query("begin");
        await c.query(`update task_instance set state=$2 where id=$1`, [
          ti.id,
          n === 1 ? "queued" : "running",
        ]);
        const r = await c.query(`explain (analyze, buffers, costs off) execute ${name}(${lit})`);
        await c.query("rollback");
        if (i === 1) console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
      }
      return { rows: [], rowCount: 0 };
    },
  };
  await startTries(client, [
    {
      dagId: ti.dag_id,
      runId: ti.run_id,
      taskId: ti.task_id,
      mapIndex: -1,
      tryNumber: ti.try_number,
      hostname: "h",
      pid: 1,
    },
  ]);
  console.log("=========== finish");
  await finishTaskInstances(client, [
    {
      dagId: ti.dag_id,
      runId: ti.run_id,
      taskId: ti.task_id,
      mapIndex: -1,
      tryNumber: ti.try_number,
      state: "success",
      logLines: [{ message: "x" }],
    },
  ]);
  await c.end();
})();
