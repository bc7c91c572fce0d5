// The notifications that follow an alert without a new failure: the recovery when the task (or
// DAG) succeeds again, and the summary of what a throttle window held back. Each is taken and
// recorded in one transaction, so a crash leaves the alert as it was, never announced twice.
import {
  type AlertRecovery,
  type AlertRow,
  type NotificationInput,
  recordNotifications,
  resolveRecoveredAlerts,
  type SqlClient,
  takeAlertSummaries,
} from "@updraft/store";
import type { AlertFacts } from "./alertFacts";

function followUp(alert: AlertRow, facts: AlertFacts): NotificationInput {
  return {
    alertKey: alert.alertKey,
    event: facts.event,
    scope: alert.scope,
    channel: alert.channel,
    connId: alert.connId,
    target: alert.target,
    facts: { ...facts },
    dagId: alert.dagId,
    runId: facts.runId,
    taskId: alert.taskId,
    mapIndex: facts.mapIndex,
    tryNumber: facts.tryNumber,
  };
}

/** The facts of a recovery: the alert's last failure, replaced by the success that ended it. */
export function recoveryFacts(alert: AlertRow, recovery: AlertRecovery): AlertFacts {
  const last = alert.lastFacts as unknown as AlertFacts;
  const { subject: _subject, text: _text, ...rest } = last;
  return {
    ...rest,
    event: "recovery",
    runId: recovery.runId,
    logicalDate: recovery.logicalDate?.toISOString() ?? null,
    mapIndex: recovery.mapIndex,
    tryNumber: recovery.tryNumber,
    error: null,
    logTail: [],
    durationSeconds: recovery.durationSeconds,
    url: null,
    suppressed: alert.suppressed,
    since: alert.openedAt.toISOString(),
  };
}

/** The facts of a summary: the alert's last failure, with how many were held back since when. */
export function summaryFacts(alert: AlertRow): AlertFacts {
  const last = alert.lastFacts as unknown as AlertFacts;
  return {
    ...last,
    event: "summary",
    url: null,
    suppressed: alert.suppressed,
    since: alert.windowStartedAt.toISOString(),
  };
}

/**
 * One recovery per destination and task (or DAG): a task that alerted a retry and then a failure
 * to the same inbox recovers with one message, counting what both held back.
 */
function oneRecoveryPerDestination(
  recovered: readonly { alert: AlertRow; recovery: AlertRecovery }[],
): NotificationInput[] {
  const groups = new Map<string, { alert: AlertRow; recovery: AlertRecovery; held: number }>();
  for (const r of recovered) {
    const { scope, dagId, taskId, channel, connId, target } = r.alert;
    const key = JSON.stringify([scope, dagId, taskId, channel, connId, target]);
    const group = groups.get(key);
    // The failure alert (over the retry one) carries the facts; both counts add up.
    if (group === undefined) groups.set(key, { ...r, held: r.alert.suppressed });
    else {
      group.held += r.alert.suppressed;
      if (r.alert.event === "failure")
        Object.assign(group, { alert: r.alert, recovery: r.recovery });
    }
  }
  return [...groups.values()].map(({ alert, recovery, held }) =>
    followUp(alert, { ...recoveryFacts(alert, recovery), suppressed: held }),
  );
}

/** Resolves recovered alerts and records their recovery notifications; returns how many. */
export async function recordRecoveries(
  client: SqlClient,
  input: { readonly windowSeconds: number; readonly now: Date },
): Promise<number> {
  return client.transaction(async (tx) => {
    const recovered = await resolveRecoveredAlerts(tx, { now: input.now });
    const notifications = oneRecoveryPerDestination(recovered);
    await recordNotifications(tx, {
      notifications,
      windowSeconds: input.windowSeconds,
      now: input.now,
    });
    return notifications.length;
  });
}

/** Takes the summaries due and records them; returns how many. */
export async function recordSummaries(
  client: SqlClient,
  input: { readonly windowSeconds: number; readonly now: Date },
): Promise<number> {
  return client.transaction(async (tx) => {
    const due = await takeAlertSummaries(tx, input);
    await recordNotifications(tx, {
      notifications: due.map((alert) => followUp(alert, summaryFacts(alert))),
      windowSeconds: input.windowSeconds,
      now: input.now,
    });
    return due.length;
  });
}
