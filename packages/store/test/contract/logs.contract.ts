// Contract of the task-log queries: every SqlClient adapter must pass it.
import { appendTaskLogs } from "../../src/queries/logs/appendTaskLogs";
import { readTaskLogs } from "../../src/queries/logs/readTaskLogs";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

async function seedRun(client: SqlClient, dagId: string, runId: string): Promise<void> {
  await client.query("insert into dag (dag_id) values ($1)", [dagId]);
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state)
     values ($1, $2, 'manual', now(), 'running')`,
    [dagId, runId],
  );
}

/** Runs the task-log contract against the client getClient returns. */
export function describeLogsContract(getClient: () => SqlClient): void {
  describe("task logs", () => {
    let ti: { dagId: string; runId: string; taskId: string; mapIndex: number };
    beforeEach(async () => {
      ti = { dagId: `logs_${uid()}`, runId: "r1", taskId: "t", mapIndex: 3 };
      await seedRun(getClient(), ti.dagId, ti.runId);
    });

    test("appended lines read back in order, with levels and timestamps", async () => {
      const client = getClient();
      const at = new Date("2026-01-02T03:04:05.678Z");
      const result = await appendTaskLogs(client, {
        ...ti,
        tryNumber: 1,
        lines: [
          { timestamp: at, level: "info", message: "starting" },
          {
            timestamp: at,
            level: "error",
            message: 'quote " backslash \\ {brace}, comma\nnewline ✓',
          },
          { message: "nul \0 byte" },
        ],
      });
      expect(result.count).toBe(3);
      const page = await readTaskLogs(client, { ...ti, tryNumber: 1 });
      expect(page.lines.map((l) => [l.level, l.message])).toEqual([
        ["info", "starting"],
        ["error", 'quote " backslash \\ {brace}, comma\nnewline ✓'],
        ["info", "nul \uFFFD byte"],
      ]);
      expect(page.lines[0]).toMatchObject({ ...ti, tryNumber: 1, timestamp: at });
      expect(page.lines[2]!.timestamp).toBeInstanceOf(Date);
      expect(page.continuationToken).toBe(result.lastId);
      expect(page.lines.map((l) => l.id)).toEqual(
        [...page.lines.map((l) => l.id)].sort((a, b) => a - b),
      );
    });

    test("reading continues after the token and keeps it when nothing is new", async () => {
      const client = getClient();
      const lines = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => ({ message: `line ${from + i}` }));
      await appendTaskLogs(client, { ...ti, tryNumber: 1, lines: lines(1, 5) });
      await appendTaskLogs(client, { ...ti, tryNumber: 2, lines: lines(100, 1) });
      const first = await readTaskLogs(client, { ...ti, tryNumber: 1, limit: 3 });
      expect(first.lines.map((l) => l.message)).toEqual(["line 1", "line 2", "line 3"]);
      const second = await readTaskLogs(client, {
        ...ti,
        tryNumber: 1,
        afterId: first.continuationToken,
      });
      expect(second.lines.map((l) => l.message)).toEqual(["line 4", "line 5"]);
      const idle = await readTaskLogs(client, {
        ...ti,
        tryNumber: 1,
        afterId: second.continuationToken,
      });
      expect(idle).toEqual({ lines: [], continuationToken: second.continuationToken });
      await appendTaskLogs(client, { ...ti, tryNumber: 1, lines: lines(6, 1) });
      const tail = await readTaskLogs(client, {
        ...ti,
        tryNumber: 1,
        afterId: idle.continuationToken,
      });
      expect(tail.lines.map((l) => l.message)).toEqual(["line 6"]);
      const other = await readTaskLogs(client, { ...ti, tryNumber: 2 });
      expect(other.lines.map((l) => l.message)).toEqual(["line 100"]);
      expect(await readTaskLogs(client, { ...ti, tryNumber: 9 })).toEqual({
        lines: [],
        continuationToken: null,
      });
    });

    test("an empty batch stores nothing; a missing run fails with NOT_FOUND", async () => {
      const client = getClient();
      expect(await appendTaskLogs(client, { ...ti, tryNumber: 1, lines: [] })).toEqual({
        count: 0,
        lastId: null,
      });
      await expect(
        appendTaskLogs(client, { ...ti, runId: "nope", tryNumber: 1, lines: [{ message: "x" }] }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    test("deleting a run, or its DAG, deletes the run's lines and no other's", async () => {
      const client = getClient();
      const other = { ...ti, runId: "r2" };
      await client.query(
        `insert into dag_run (dag_id, run_id, run_type, run_after, state)
         values ($1, $2, 'manual', now(), 'running')`,
        [other.dagId, other.runId],
      );
      const line = [{ message: "kept?" }];
      await appendTaskLogs(client, { ...ti, tryNumber: 1, lines: line });
      await appendTaskLogs(client, { ...other, tryNumber: 1, lines: line });
      const lineCount = async (runId: string) =>
        (await readTaskLogs(client, { ...ti, runId, tryNumber: 1 })).lines.length;
      await client.query("delete from dag_run where dag_id = $1 and run_id = $2", [
        ti.dagId,
        ti.runId,
      ]);
      expect([await lineCount(ti.runId), await lineCount(other.runId)]).toEqual([0, 1]);
      await client.query("delete from dag where dag_id = $1", [ti.dagId]);
      expect(await lineCount(other.runId)).toBe(0);
    });
  });
}
