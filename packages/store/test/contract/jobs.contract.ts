// Contract of the job (heartbeat) and audit-log queries: every SqlClient adapter must pass it.
import { recordAuditEvent } from "../../src/queries/auditLog/recordAuditEvent";
import { endJob } from "../../src/queries/jobs/endJob";
import { heartbeatJob } from "../../src/queries/jobs/heartbeatJob";
import { listLiveJobs } from "../../src/queries/jobs/listLiveJobs";
import { registerJob } from "../../src/queries/jobs/registerJob";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);
const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

/** Runs the job and audit-log contract against the client getClient returns. */
export function describeJobsContract(getClient: () => SqlClient): void {
  describe("jobs", () => {
    test("registerJob, heartbeatJob and endJob keep a job's life", async () => {
      const client = getClient();
      const jobType = `SchedulerJob_${uid()}`;
      const job = await registerJob(client, { jobType, hostname: "host-1", pid: 42, now: at(0) });
      expect(job).toMatchObject({
        jobType,
        state: "running",
        hostname: "host-1",
        pid: 42,
        startDate: at(0),
        endDate: null,
        latestHeartbeat: at(0),
      });
      expect(typeof job.id).toBe("number");
      expect((await heartbeatJob(client, { id: job.id, now: at(5) })).latestHeartbeat).toEqual(
        at(5),
      );
      const ended = await endJob(client, { id: job.id, state: "failed", now: at(9) });
      expect(ended).toMatchObject({ state: "failed", endDate: at(9), latestHeartbeat: at(5) });
      const defaults = await registerJob(client, { jobType, hostname: "h" });
      expect(defaults.pid).toBeNull();
      expect((await endJob(client, { id: defaults.id })).state).toBe("success");
    });

    test("heartbeatJob and endJob fail with NOT_FOUND for an unknown job", async () => {
      const client = getClient();
      await expect(heartbeatJob(client, { id: 987_654_321 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(endJob(client, { id: 987_654_321 })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    });

    test("listLiveJobs keeps running jobs heartbeating after the threshold, newest first", async () => {
      const client = getClient();
      const jobType = `SchedulerJob_${uid()}`;
      const stale = await registerJob(client, { jobType, hostname: "a", now: at(0) });
      const fresh = await registerJob(client, { jobType, hostname: "b", now: at(0) });
      const fresher = await registerJob(client, { jobType, hostname: "c", now: at(0) });
      const gone = await registerJob(client, { jobType, hostname: "d", now: at(0) });
      await heartbeatJob(client, { id: fresh.id, now: at(40) });
      await heartbeatJob(client, { id: fresher.id, now: at(50) });
      await heartbeatJob(client, { id: gone.id, now: at(55) });
      await endJob(client, { id: gone.id, now: at(56) });
      const live = await listLiveJobs(client, { jobType, heartbeatAfter: at(30) });
      expect(live.map((j) => j.hostname)).toEqual(["c", "b"]);
      const all = await listLiveJobs(client, { jobType });
      expect(all.map((j) => j.id)).toEqual([fresher.id, fresh.id, stale.id]);
      expect(await listLiveJobs(client, { jobType: `none_${uid()}` })).toEqual([]);
    });
  });

  describe("audit log", () => {
    test("recordAuditEvent stores one entry and returns its id", async () => {
      const client = getClient();
      const owner = `user_${uid()}`;
      const id = await recordAuditEvent(client, {
        event: "trigger",
        dagId: "d",
        runId: "manual__x",
        owner,
        extra: { conf: { a: 1 } },
        dttm: at(1),
      });
      const minimal = await recordAuditEvent(client, { event: "cli_db_migrate" });
      expect(minimal).toBeGreaterThan(id);
      const rows = await client.query(
        "select dttm, dag_id, task_id, event, run_id, owner, extra from log where id = $1",
        [id],
      );
      expect(rows.rows[0]).toEqual({
        dttm: at(1),
        dag_id: "d",
        task_id: null,
        event: "trigger",
        run_id: "manual__x",
        owner,
        extra: '{"conf":{"a":1}}',
      });
    });
  });
}
