// A try's alerts: what its notifiers asked for during the callbacks, the task's `email` args and
// the global routing rules, recorded in the notification outbox once the outcome is committed
// (a try that lost its claim alerts nobody). Recording never fails the try: an error is logged.
import { recordAlerts, taskAlertFacts } from "@updraft/notify";
import {
  type NotificationRequest,
  type NotificationSink,
  renderTemplate,
  TaskInstanceState,
} from "@updraft/sdk";
import type { TaskInstanceRow } from "@updraft/store";
import type { AttemptResult } from "./attemptResult";
import { errorParts } from "./errorParts";
import type { SecretMasker } from "./secretMasker";
import type { CompiledStoreTaskRunnerOptions } from "./storeTaskRunnerOptions";
import type { TaskLogWriter } from "./taskLogWriter";

/** The sink handed to a try's callbacks: it only collects, the outcome decides. */
export class NotificationCollector implements NotificationSink {
  readonly requests: NotificationRequest[] = [];

  send(request: NotificationRequest): Promise<void> {
    this.requests.push(request);
    return Promise.resolve();
  }
}

/** What recordTryNotifications reads. */
export interface TryNotificationsInput {
  readonly options: CompiledStoreTaskRunnerOptions;
  readonly ti: TaskInstanceRow;
  readonly result: AttemptResult;
  readonly state: string;
  readonly endDate: Date;
  readonly collected: NotificationCollector;
  readonly log: TaskLogWriter;
  readonly masker: SecretMasker;
}

const EVENT_OF: Readonly<Record<string, "failure" | "retry" | "success" | undefined>> = {
  [TaskInstanceState.FAILED]: "failure",
  [TaskInstanceState.UP_FOR_RETRY]: "retry",
  [TaskInstanceState.SUCCESS]: "success",
};

/** The destinations of a try's outcome beyond its notifiers: email args and routing rules. */
function configuredRequests(input: TryNotificationsInput, event: "failure" | "retry") {
  const prepared = input.result.prepared;
  const requests: NotificationRequest[] = [];
  const args = prepared?.task.args;
  const wantsEmail = event === "failure" ? args?.emailOnFailure : args?.emailOnRetry;
  if (args !== undefined && args.email.length > 0 && wantsEmail === true)
    requests.push({ channel: "email", connId: input.options.alerts.emailConnId, to: args.email });
  requests.push(
    ...input.options.alerts.route({
      dagId: input.ti.dagId,
      tags: prepared?.dag.tags ?? [],
      event,
      scope: "task",
    }),
  );
  return requests;
}

/** Records the try's notifications, if any; logs (never throws) when that fails. */
export async function recordTryNotifications(input: TryNotificationsInput): Promise<void> {
  const event = EVENT_OF[input.state];
  if (event === undefined) {
    if (input.collected.requests.length > 0)
      input.log.write(
        "warning",
        `Notifications from on_${input.state}_callback are not sent (only on failure, retry and success)`,
      );
    return;
  }
  const requests = [
    ...input.collected.requests,
    ...(event === "success" ? [] : configuredRequests(input, event)),
  ];
  if (requests.length === 0) return;
  const { ti, result, masker } = input;
  const error = result.kind === "returned" ? null : masker.mask(errorParts(result.error).message);
  const facts = taskAlertFacts(ti, {
    event,
    logicalDate: result.prepared?.run.logicalDate ?? null,
    error,
    logTail: input.log.tail(),
    endDate: input.endDate,
  });
  const templateContext = result.context?.templateContext ?? {};
  try {
    await recordAlerts(input.options.client, {
      facts,
      requests,
      windowSeconds: input.options.alerts.windowSeconds,
      render: (template: string) => {
        try {
          return masker.mask(renderTemplate(template, templateContext, "notification"));
        } catch (e) {
          // A broken template must not swallow the alert: send its text as written.
          input.log.write("warning", `Notification template not rendered: ${String(e)}`);
          return masker.mask(template);
        }
      },
    });
  } catch (e) {
    input.log.write("error", `Could not record the try's notifications: ${String(e)}`);
    await input.log.flush();
  }
}
