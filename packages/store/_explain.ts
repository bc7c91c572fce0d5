import pg from "pg";
import {
  claimDagRunsToSchedule,
  queueTaskInstances,
  schedulerTimers,
  taskInstanceStates,
  getDagRun,
} from "./src";
import { statementName } from "./src/preparedStatements";
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
  // make a chain task scheduled again inside each explain's transaction
  let n = 0;
  const client: any = {
    dialect: "postgres",
    transaction: (work: any) => work(client),
    query: async (text: string, params: unknown[] = []) => {
      const name = `s${n++}`;
      const prepared = statementName(text) !== undefined;
      await c.query("begin");
      await c.query("update dag_run set state='running' where dag_id=$1 and run_id=$2", [
        ti.dag_id,
        ti.run_id,
      ]);
      await c.query("update task_instance set state='scheduled' where id=$1", [ti.id]);
      const r = await c.query({
        text: `explain (analyze, buffers, costs off) ${text}`,
        values: params as unknown[],
      });
      const real = await c.query({ text, values: params as unknown[] });
      await c.query("rollback");
      console.log(
        `---- ${prepared ? "PREPARED" : "unprepared"} ${text.replace(/\s+/g, " ").slice(0, 80)}`,
      );
      console.log(
        r.rows
          .map((x: any) => x["QUERY PLAN"])
          .filter((l: string) => /Scan|Execution|Planning Time|Loop|Join/.test(l))
          .join("\n"),
      );
      return { rows: real.rows, rowCount: real.rowCount };
    },
  };
  await queueTaskInstances(client, { limit: 1024, parallelism: 1024, jobId: 1 });
  await schedulerTimers(client);
  await claimDagRunsToSchedule(client, { limit: 20 });
  await taskInstanceStates(client, { dagId: ti.dag_id, runId: ti.run_id } as any);
  await c.end();
})();
