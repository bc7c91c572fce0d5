// What every channel says about an alert, decided once: the title (the email subject without its
// prefix, and Slack's fallback text), the opening sentence and the facts, so that email and
// Slack cannot drift apart. The formatters only lay this out.
import type { AlertEvent, AlertFacts } from "../alertFacts";
import { formatDuration } from "./formatDuration";

/** The facts an alert lists, in display order; each formatter labels them its own way. */
export type AlertFactKey = "dag" | "task" | "run" | "logicalDate" | "try" | "duration";

/** One listed fact, its value already formatted for people. */
export interface AlertFact {
  readonly key: AlertFactKey;
  readonly value: string;
}

/** The channel-neutral content of an alert. */
export interface AlertDescription {
  readonly event: AlertEvent;
  /** The upper-case word of the title (a summary of failures is FAILED). */
  readonly word: "FAILED" | "RETRY" | "RECOVERED" | "SUCCEEDED";
  /** What the alert is about: `dag.task`, `dag.task[3]` for a mapped instance, or `dag`. */
  readonly target: string;
  /** One line: `FAILED dag.task run (try 2/3)`, or the notifier's own subject. */
  readonly title: string;
  /** A short headline: `FAILED dag.task`, or the notifier's own subject. */
  readonly heading: string;
  /** The opening paragraph: a sentence saying what happened, or the notifier's own text. */
  readonly intro: string;
  readonly facts: readonly AlertFact[];
  readonly error: string | null;
  readonly logTail: readonly string[];
  /** The UI page to open, labelled "View log" for a task and "View run" for a DAG run. */
  readonly link: { readonly label: string; readonly url: string } | null;
}

const WORDS = {
  failure: "FAILED",
  retry: "RETRY",
  recovery: "RECOVERED",
  success: "SUCCEEDED",
  summary: "FAILED",
} as const satisfies Record<AlertEvent, AlertDescription["word"]>;

const OUTCOMES: Record<Exclude<AlertEvent, "summary">, string> = {
  failure: "failed.",
  retry: "failed and will be retried.",
  recovery: "succeeded after failing.",
  success: "succeeded.",
};

/** Describes an alert for every channel (pure). */
export function describeAlert(facts: AlertFacts): AlertDescription {
  const target = alertTarget(facts);
  const subject = facts.subject === undefined ? undefined : singleLine(facts.subject);
  return {
    event: facts.event,
    word: WORDS[facts.event],
    target,
    title: subject ?? defaultTitle(facts, target),
    heading: subject ?? `${WORDS[facts.event]} ${target}`,
    intro: facts.text ?? defaultIntro(facts, target),
    facts: listFacts(facts),
    error: facts.error,
    logTail: facts.logTail,
    link: facts.url
      ? { label: facts.scope === "dag" ? "View run" : "View log", url: facts.url }
      : null,
  };
}

function alertTarget(facts: AlertFacts): string {
  if (facts.scope === "dag" || facts.taskId === null) return facts.dagId;
  return `${facts.dagId}.${taskLabel(facts)}`;
}

function taskLabel(facts: AlertFacts): string {
  return facts.mapIndex >= 0 ? `${facts.taskId}[${facts.mapIndex}]` : `${facts.taskId}`;
}

function defaultTitle(facts: AlertFacts, target: string): string {
  if (facts.event === "summary") return `FAILED ${target}: ${heldBack(facts)}`;
  const tries =
    facts.scope === "task" &&
    (facts.event === "failure" || facts.event === "retry") &&
    facts.tryNumber !== null
      ? ` (try ${facts.tryNumber}${facts.maxTries === null ? "" : `/${facts.maxTries}`})`
      : "";
  return `${WORDS[facts.event]} ${target} ${facts.runId}${tries}`;
}

function defaultIntro(facts: AlertFacts, target: string): string {
  const subject = facts.scope === "dag" ? `DAG ${target}` : `Task ${target}`;
  if (facts.event === "summary") {
    return `${subject}: ${heldBack(facts)} were held back to avoid flooding; the latest is below.`;
  }
  return `${subject} ${OUTCOMES[facts.event]}`;
}

/** "5 more failures since 2026-12-01T00:00:00.000Z" ("1 more failure" for one). */
function heldBack(facts: AlertFacts): string {
  const count = facts.suppressed ?? 0;
  const since = facts.since ? ` since ${facts.since}` : "";
  return `${count} more ${count === 1 ? "failure" : "failures"}${since}`;
}

function listFacts(facts: AlertFacts): AlertFact[] {
  const list: AlertFact[] = [{ key: "dag", value: facts.dagId }];
  if (facts.scope === "task" && facts.taskId !== null) {
    list.push({ key: "task", value: taskLabel(facts) });
  }
  list.push({ key: "run", value: facts.runId });
  if (facts.logicalDate !== null) list.push({ key: "logicalDate", value: facts.logicalDate });
  if (facts.tryNumber !== null) {
    const of = facts.maxTries === null ? "" : ` of ${facts.maxTries}`;
    list.push({ key: "try", value: `${facts.tryNumber}${of}` });
  }
  if (facts.durationSeconds !== null) {
    list.push({ key: "duration", value: formatDuration(facts.durationSeconds) });
  }
  return list;
}

/** Subjects and header lines are one line: a newline in a custom subject becomes a space. */
function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
