// Global alert routing: rules such as "every failure of a DAG tagged `prod` goes to
// #data-alerts", read from JSON (UPDRAFT_ALERT_RULES) and applied to each alert on top of the
// DAG's own notifiers. Parsing names each bad path; routing is pure and de-duplicated.
import { z } from "zod";
import { formatIssues, type NotificationRequest } from "@updraft/sdk";
import type { AlertEvent } from "./alertFacts";
import { InvalidAlertRulesError } from "./errors";

/** The events a rule can match; a recovery or a summary follows its failure's routes. */
export type AlertRuleEvent = "failure" | "retry";

/** Which alerts a rule applies to; every field given must match. */
export interface AlertRuleMatch {
  /** The DAG has at least one of these tags. */
  readonly tags?: readonly string[];
  /** The DAG id matches one of these patterns, where `*` stands for any characters. */
  readonly dagIds?: readonly string[];
  /** @default ["failure"] */
  readonly events: readonly AlertRuleEvent[];
  /** Only task-instance alerts, or only DAG-run alerts; both when absent. */
  readonly scope?: "task" | "dag";
}

/** One routing rule, after parsing (defaults applied). */
export interface AlertRule {
  /** @default {} (every failure) */
  readonly match: AlertRuleMatch;
  readonly email?: readonly string[];
  /** @default "smtp_default" */
  readonly emailConnId: string;
  /** `connId` @default "slack_default"; `channel` overrides the webhook's, where Slack allows. */
  readonly slack?: { readonly connId: string; readonly channel?: string };
}

/** What routing needs to know about an alert. */
export interface AlertRouteInput {
  readonly dagId: string;
  readonly tags: readonly string[];
  readonly event: AlertEvent;
  readonly scope: "task" | "dag";
}

/** The variable the rules are usually read from; the default `source` in messages. */
export const ALERT_RULES_SOURCE = "UPDRAFT_ALERT_RULES";

const nonEmpty = z
  .string({ error: "expected a non-empty string" })
  .trim()
  .min(1, "expected a non-empty string");

/** A strict object whose messages name the expected form and, for unknown keys, the known ones. */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T, form: string) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")} (expected ${known})`
        : `expected ${form}`,
  });
}

const matchSchema = strictObject(
  {
    tags: z
      .array(nonEmpty, { error: "expected an array of tags" })
      .min(1, "expected at least one tag")
      .optional(),
    dagIds: z
      .array(nonEmpty, { error: 'expected an array of DAG id patterns such as "sales_*"' })
      .min(1, "expected at least one DAG id pattern")
      .optional(),
    events: z
      .array(z.enum(["failure", "retry"], { error: 'expected "failure" or "retry"' }), {
        error: 'expected an array of events ("failure", "retry")',
      })
      .min(1, "expected at least one event")
      .default(["failure"]),
    scope: z.enum(["task", "dag"], { error: 'expected "task" or "dag"' }).optional(),
  },
  "an object with tags, dagIds, events or scope",
);

const emailAddress = z
  .string({ error: "expected an email address" })
  .trim()
  .regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, "expected an email address such as oncall@example.com");

const slackSchema = strictObject(
  {
    connId: nonEmpty.default("slack_default"),
    channel: z
      .string({ error: 'expected a channel such as "#data-alerts"' })
      .regex(/^\S+$/, 'expected a channel such as "#data-alerts"')
      .optional(),
  },
  'an object such as {"connId": "slack_default", "channel": "#data-alerts"}',
);

const ruleSchema = strictObject(
  {
    // prefault, not default: an absent match is parsed as {}, so `events` gets its default.
    match: matchSchema.prefault({}),
    email: z
      .array(emailAddress, { error: "expected an array of email addresses" })
      .min(1, "expected at least one email address")
      .optional(),
    emailConnId: nonEmpty.default("smtp_default"),
    slack: slackSchema.optional(),
  },
  "a rule object with match and email or slack",
).refine((rule) => rule.email !== undefined || rule.slack !== undefined, {
  error: 'expected at least one destination: "email" or "slack"',
});

/** The schema of the rules' JSON: an array of rules. */
export const alertRulesSchema = z.array(ruleSchema, { error: "expected a JSON array of rules" });

/**
 * Parses the rules' JSON text. Throws InvalidAlertRulesError whose message has one line per
 * problem, e.g. `UPDRAFT_ALERT_RULES[0].slack.connId: expected a non-empty string, got ""`.
 */
export function parseAlertRules(json: string, source: string = ALERT_RULES_SOURCE): AlertRule[] {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidAlertRulesError([`${source}: expected JSON text, got invalid JSON (${why})`]);
  }
  const result = alertRulesSchema.safeParse(input);
  if (result.success) return result.data;
  // A rule's cross-field checks ("custom") word their whole message; no value to quote.
  throw new InvalidAlertRulesError(
    formatIssues(input, result.error.issues, source, ["unrecognized_keys", "custom"]),
  );
}

/**
 * The notifications the rules ask for about one alert, in rule order, each destination once:
 * the recipients of rules sending through the same SMTP connection are merged into one email,
 * and a Slack connection + channel appears once. Recoveries and summaries route as failures;
 * successes are never routed.
 */
export function routeAlert(
  rules: readonly AlertRule[],
  alert: AlertRouteInput,
): NotificationRequest[] {
  // Rules are about trouble: a success notification is only ever asked for by its DAG.
  if (alert.event === "success") return [];
  const event: AlertRuleEvent = alert.event === "retry" ? "retry" : "failure";
  const emails = new Map<string, string[]>();
  const requests: NotificationRequest[] = [];
  const slackSeen = new Set<string>();
  for (const rule of rules) {
    if (!isMatch(rule.match, alert, event)) continue;
    if (rule.email) {
      let to = emails.get(rule.emailConnId);
      if (to === undefined) {
        to = [];
        emails.set(rule.emailConnId, to);
        requests.push({ channel: "email", connId: rule.emailConnId, to });
      }
      for (const address of rule.email) {
        if (!to.some((known) => known.toLowerCase() === address.toLowerCase())) to.push(address);
      }
    }
    if (rule.slack) {
      const key = JSON.stringify([rule.slack.connId, rule.slack.channel ?? null]);
      if (slackSeen.has(key)) continue;
      slackSeen.add(key);
      requests.push({
        channel: "slack",
        connId: rule.slack.connId,
        ...(rule.slack.channel === undefined ? {} : { slackChannel: rule.slack.channel }),
      });
    }
  }
  return requests;
}

function isMatch(match: AlertRuleMatch, alert: AlertRouteInput, event: AlertRuleEvent): boolean {
  if (!match.events.includes(event)) return false;
  if (match.scope !== undefined && match.scope !== alert.scope) return false;
  if (match.tags && !match.tags.some((tag) => alert.tags.includes(tag))) return false;
  if (match.dagIds && !match.dagIds.some((pattern) => matchesGlob(pattern, alert.dagId))) {
    return false;
  }
  return true;
}

/** `*` matches any run of characters (none included); everything else is literal. */
function matchesGlob(pattern: string, text: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "s").test(text);
}
