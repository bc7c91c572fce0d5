// Contract of the notification outbox and alert queries: every SqlClient adapter must pass it.
import { claimDueNotifications } from "../../src/queries/notifications/claimDueNotifications";
import { completeNotification } from "../../src/queries/notifications/completeNotification";
import { listNotifications } from "../../src/queries/notifications/listNotifications";
import {
  type NotificationInput,
  recordNotifications,
} from "../../src/queries/notifications/recordNotifications";
import { resolveRecoveredAlerts } from "../../src/queries/notifications/resolveRecoveredAlerts";
import { takeAlertSummaries } from "../../src/queries/notifications/takeAlertSummaries";
import { finishTaskInstance } from "../../src/queries/taskInstances/finishTaskInstance";
import { queueTaskInstances } from "../../src/queries/taskInstances/queueTaskInstances";
import { scheduleTaskInstances } from "../../src/queries/taskInstances/scheduleTaskInstances";
import { startTaskInstance } from "../../src/queries/taskInstances/startTaskInstance";
import type { SqlClient } from "../../src/sqlClient";
import { runningRun, testDag } from "./dags.contract";

const uid = (): string => Math.random().toString(36).slice(2, 10);
const at = (seconds: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

/** A failure notification of task "t" of `dagId` to one Slack destination. */
function failure(dagId: string, overrides: Partial<NotificationInput> = {}): NotificationInput {
  return {
    alertKey: `task|failure|${dagId}|t|slack|slack_default|{}`,
    event: "failure",
    scope: "task",
    channel: "slack",
    connId: "slack_default",
    target: {},
    facts: { event: "failure", dagId, taskId: "t", error: "boom" },
    dagId,
    runId: "r1",
    taskId: "t",
    mapIndex: -1,
    tryNumber: 1,
    ...overrides,
  };
}

/** Runs the notification contract against the client getClient returns. */
export function describeNotificationsContract(getClient: () => SqlClient): void {
  describe("notifications", () => {
    test("an alert's first failure is pending; the next ones in its window are suppressed", async () => {
      const client = getClient();
      const dagId = `d_${uid()}`;
      const record = (now: Date) =>
        recordNotifications(client, { notifications: [failure(dagId)], windowSeconds: 600, now });
      const [first] = await record(at(0));
      expect(first).toMatchObject({ state: "pending", event: "failure", dagId, attempts: 0 });
      expect((await record(at(60)))[0]?.state).toBe("suppressed");
      expect((await record(at(120)))[0]?.state).toBe("suppressed");
      // After the window a failure alerts again (a reminder), with a new window.
      expect((await record(at(601)))[0]?.state).toBe("pending");
      const other = await recordNotifications(client, {
        notifications: [failure(dagId, { alertKey: null })],
        windowSeconds: 600,
        now: at(602),
      });
      expect(other[0]?.state).toBe("pending");
      const listed = await listNotifications(client, { dagId });
      expect(listed.totalEntries).toBe(5);
      expect(listed.notifications.map((n) => n.state)).toEqual([
        "pending",
        "pending",
        "suppressed",
        "suppressed",
        "pending",
      ]);
      expect((await listNotifications(client, { dagId, state: "suppressed" })).totalEntries).toBe(
        2,
      );
    });

    test("a window that held notifications back yields one summary, then starts again", async () => {
      const client = getClient();
      const dagId = `d_${uid()}`;
      for (const s of [0, 10, 20, 30])
        await recordNotifications(client, {
          notifications: [failure(dagId)],
          windowSeconds: 100,
          now: at(s),
        });
      expect(await takeAlertSummaries(client, { windowSeconds: 100, now: at(99) })).toEqual([]);
      const due = (await takeAlertSummaries(client, { windowSeconds: 100, now: at(100) })).filter(
        (a) => a.dagId === dagId,
      );
      expect(due).toHaveLength(1);
      expect(due[0]).toMatchObject({ suppressed: 3, windowStartedAt: at(0), state: "open" });
      expect(
        (await takeAlertSummaries(client, { windowSeconds: 100, now: at(150) })).filter(
          (a) => a.dagId === dagId,
        ),
      ).toEqual([]);
      // The next failure falls in the new window (100..200): held back again.
      const [next] = await recordNotifications(client, {
        notifications: [failure(dagId)],
        windowSeconds: 100,
        now: at(150),
      });
      expect(next?.state).toBe("suppressed");
    });

    test("claims are disjoint and leased; outcomes: sent, retried later, or failed for good", async () => {
      const client = getClient();
      const dagId = `d_${uid()}`;
      const recorded = await recordNotifications(client, {
        notifications: [failure(dagId, { alertKey: null }), failure(dagId, { alertKey: null })],
        windowSeconds: 600,
        now: at(0),
      });
      const ids = recorded.map((n) => n.id);
      const mine = <R extends { id: number }>(rows: R[]): R[] =>
        rows.filter((r) => ids.includes(r.id));
      const claimed = mine(
        await claimDueNotifications(client, { limit: 100, leaseSeconds: 30, now: at(1) }),
      );
      expect(claimed.map((n) => [n.state, n.attempts])).toEqual([
        ["sending", 1],
        ["sending", 1],
      ]);
      expect(
        mine(await claimDueNotifications(client, { limit: 100, leaseSeconds: 30, now: at(2) })),
      ).toEqual([]);
      const [a, b] = claimed as [(typeof claimed)[0], (typeof claimed)[0]];
      expect(
        await completeNotification(client, { id: a.id, outcome: { sent: true }, now: at(3) }),
      ).toBe(true);
      expect(
        await completeNotification(client, {
          id: b.id,
          outcome: { sent: false, error: "connection refused", retryAt: at(10) },
        }),
      ).toBe(true);
      expect(await completeNotification(client, { id: a.id, outcome: { sent: true } })).toBe(false);
      expect(
        mine(await claimDueNotifications(client, { limit: 100, leaseSeconds: 30, now: at(9) })),
      ).toEqual([]);
      const again = mine(
        await claimDueNotifications(client, { limit: 100, leaseSeconds: 30, now: at(10) }),
      );
      expect(again.map((n) => [n.id, n.attempts, n.lastError])).toEqual([
        [b.id, 2, "connection refused"],
      ]);
      // A dispatcher that dies mid-send: the lease runs out and the row is due again.
      const stale = mine(
        await claimDueNotifications(client, { limit: 100, leaseSeconds: 30, now: at(41) }),
      );
      expect(stale.map((n) => [n.id, n.attempts])).toEqual([[b.id, 3]]);
      await completeNotification(client, {
        id: b.id,
        outcome: { sent: false, error: "554 rejected", retryAt: null },
      });
      const listed = await listNotifications(client, { dagId });
      expect(listed.notifications.map((n) => [n.id, n.state, n.lastError])).toEqual([
        [b.id, "failed", "554 rejected"],
        [a.id, "sent", null],
      ]);
      expect(listed.notifications[1]?.sentAt).toEqual(at(3));
    });

    test("a success after an alert resolves it once, with the success that ended it", async () => {
      const client = getClient();
      const dagId = `d_${uid()}`;
      await runningRun(client, testDag(dagId, { tasks: [{ taskId: "t" }] }), "r2", at(0));
      const key = { dagId, runId: "r2", taskId: "t", mapIndex: -1 };
      await recordNotifications(client, {
        notifications: [
          failure(dagId),
          failure(dagId, { alertKey: `dag|failure|${dagId}||email|smtp_default|{}`, scope: "dag" }),
        ],
        windowSeconds: 600,
        now: at(1),
      });
      await recordNotifications(client, {
        notifications: [failure(dagId)],
        windowSeconds: 600,
        now: at(2),
      });
      const mineOf = async () =>
        (await resolveRecoveredAlerts(client, { now: at(99) })).filter(
          (r) => r.alert.dagId === dagId,
        );
      expect(await mineOf()).toEqual([]);
      await scheduleTaskInstances(client, { keys: [key] });
      await queueTaskInstances(client, { keys: [key], limit: 1 });
      await startTaskInstance(client, { ...key, tryNumber: 1, hostname: "w", pid: 1, now: at(3) });
      await finishTaskInstance(client, { ...key, tryNumber: 1, state: "success", now: at(5) });
      const resolved = await mineOf();
      expect(resolved.map((r) => [r.alert.scope, r.alert.suppressed, r.recovery])).toEqual([
        [
          "task",
          1,
          {
            runId: "r2",
            logicalDate: at(0),
            mapIndex: -1,
            tryNumber: 1,
            endDate: at(5),
            durationSeconds: 2,
          },
        ],
      ]);
      expect(await mineOf()).toEqual([]);
    });
  });
}
