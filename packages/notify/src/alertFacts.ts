// What an alert is about: the facts recorded with a notification in the outbox, from which the
// dispatcher renders each channel's message at send time (so a message is rendered by the
// version of the code that sends it, and the outbox row stays plain data).

/** Why a notification is sent ("success": a success callback's notifier asked for one). */
export type AlertEvent = "failure" | "retry" | "success" | "recovery" | "summary";

/** The facts of one notification; dates as ISO strings (the outbox row is JSON). */
export interface AlertFacts {
  readonly event: AlertEvent;
  /** One try of a task instance, or a whole DAG run. */
  readonly scope: "task" | "dag";
  readonly dagId: string;
  /** null for scope "dag". */
  readonly taskId: string | null;
  readonly runId: string;
  /** -1 for an unmapped task (and for scope "dag"). */
  readonly mapIndex: number;
  readonly logicalDate: string | null;
  /** The try this is about (null for scope "dag"). */
  readonly tryNumber: number | null;
  /** How many tries the task has in all: retries + 1 (null for scope "dag"). */
  readonly maxTries: number | null;
  /** The error message (secrets masked), or the run's reason for scope "dag". */
  readonly error: string | null;
  /** The last lines of the try's log, secrets masked. */
  readonly logTail: readonly string[];
  readonly durationSeconds: number | null;
  /** The task instance's log page (or the run's page) in the UI; null without a base URL. */
  readonly url: string | null;
  /** summary: how many notifications of this alert were held back, since when (ISO). */
  readonly suppressed?: number;
  readonly since?: string;
  /** The notifier's own subject and text, already rendered; they replace the defaults. */
  readonly subject?: string;
  readonly text?: string;
}
