// Turns what notifiers, task args and routing rules asked for into outbox rows: one per
// destination, each with the alert's facts and, for failures and retries, the alert key that
// throttles it (destination × task or DAG × event — not the run or map index, so a task failing
// in every run, or 100 mapped instances failing at once, make one alert).
import type { NotificationRequest } from "@updraft/sdk";
import {
  type NotificationInput,
  type NotificationRow,
  recordNotifications,
  type SqlClient,
} from "@updraft/store";
import type { AlertFacts } from "./alertFacts";

/** Input of recordAlerts. */
export interface RecordAlertsInput {
  readonly facts: AlertFacts;
  readonly requests: readonly NotificationRequest[];
  /** The throttle window of an alert, in seconds. */
  readonly windowSeconds: number;
  /** Renders a request's own subject/text (templates) with the try's context. */
  readonly render?: (template: string) => string;
  readonly now?: Date;
}

/** Where a request goes, as stored (`notification.target`). */
export function targetOf(request: NotificationRequest): Record<string, unknown> {
  if (request.channel === "email") return { to: [...new Set(request.to ?? [])].sort() };
  return request.slackChannel === undefined ? {} : { channel: request.slackChannel };
}

/** The alert a notification belongs to; null for events that are not throttled. */
export function alertKeyOf(facts: AlertFacts, request: NotificationRequest): string | null {
  if (facts.event !== "failure" && facts.event !== "retry") return null;
  return [
    facts.scope,
    facts.event,
    facts.dagId,
    facts.taskId ?? "",
    request.channel,
    request.connId,
    JSON.stringify(targetOf(request)),
  ].join("|");
}

/** The requests without repeats of the same destination (the first one's wording wins). */
export function distinctDestinations(
  requests: readonly NotificationRequest[],
): NotificationRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const key = `${r.channel}|${r.connId}|${JSON.stringify(targetOf(r))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Records one notification per destination; resolves once stored (delivery comes later). */
export async function recordAlerts(
  client: SqlClient,
  input: RecordAlertsInput,
): Promise<NotificationRow[]> {
  const { facts } = input;
  const render = input.render ?? ((template: string) => template);
  const notifications: NotificationInput[] = distinctDestinations(input.requests).map(
    (request) => ({
      alertKey: alertKeyOf(facts, request),
      event: facts.event,
      scope: facts.scope,
      channel: request.channel,
      connId: request.connId,
      target: targetOf(request),
      facts: {
        ...facts,
        ...(request.subject === undefined ? {} : { subject: render(request.subject) }),
        ...(request.text === undefined ? {} : { text: render(request.text) }),
      },
      dagId: facts.dagId,
      runId: facts.runId,
      taskId: facts.taskId,
      mapIndex: facts.mapIndex,
      tryNumber: facts.tryNumber,
    }),
  );
  return recordNotifications(client, {
    notifications,
    windowSeconds: input.windowSeconds,
    ...(input.now === undefined ? {} : { now: input.now }),
  });
}
