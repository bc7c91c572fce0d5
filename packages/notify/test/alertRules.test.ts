import { hasErrorCode } from "@updraft/sdk";
import type { AlertRouteInput } from "../src/alertRules";
import { parseAlertRules, routeAlert } from "../src/alertRules";
import { InvalidAlertRulesError } from "../src/errors";

/** The message lines of the InvalidAlertRulesError that parsing `json` throws. */
function problems(json: string): string[] {
  try {
    parseAlertRules(json);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAlertRulesError);
    expect(hasErrorCode(error, "INVALID_ALERT_RULES")).toBe(true);
    const lines = (error as InvalidAlertRulesError).message.split("\n");
    expect((error as InvalidAlertRulesError).issues).toEqual(lines);
    return lines;
  }
  throw new Error("expected the rules to be rejected");
}

describe("parseAlertRules", () => {
  test("reads a full rule", () => {
    expect(
      parseAlertRules(
        JSON.stringify([
          {
            match: {
              tags: ["prod"],
              dagIds: ["sales_*"],
              events: ["failure", "retry"],
              scope: "task",
            },
            email: ["oncall@example.com"],
            emailConnId: "smtp_ops",
            slack: { connId: "slack_ops", channel: "#data-alerts" },
          },
        ]),
      ),
    ).toEqual([
      {
        match: { tags: ["prod"], dagIds: ["sales_*"], events: ["failure", "retry"], scope: "task" },
        email: ["oncall@example.com"],
        emailConnId: "smtp_ops",
        slack: { connId: "slack_ops", channel: "#data-alerts" },
      },
    ]);
  });

  test("applies the defaults: failures only, smtp_default and slack_default", () => {
    expect(
      parseAlertRules('[{"email": ["a@example.com"]}, {"match": {"tags": ["prod"]}, "slack": {}}]'),
    ).toEqual([
      { match: { events: ["failure"] }, email: ["a@example.com"], emailConnId: "smtp_default" },
      {
        match: { tags: ["prod"], events: ["failure"] },
        emailConnId: "smtp_default",
        slack: { connId: "slack_default" },
      },
    ]);
  });

  test("accepts an empty array", () => {
    expect(parseAlertRules("[]")).toEqual([]);
  });

  test.each([
    [
      "text that is not JSON",
      "[{",
      /^UPDRAFT_ALERT_RULES: expected JSON text, got invalid JSON \(.+\)$/,
    ],
    [
      "an object instead of an array",
      '{"email": []}',
      /^UPDRAFT_ALERT_RULES: expected a JSON array of rules, got \{"email":\[\]\}$/,
    ],
  ])("rejects %s", (_case, json, line) => {
    const lines = problems(json);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  test.each([
    [
      "an empty Slack connection id",
      [{ slack: { connId: "" } }],
      'UPDRAFT_ALERT_RULES[0].slack.connId: expected a non-empty string, got ""',
    ],
    [
      "a rule with no destination",
      [{ match: { tags: ["prod"] } }],
      'UPDRAFT_ALERT_RULES[0]: expected at least one destination: "email" or "slack"',
    ],
    [
      "a rule that is not an object",
      ["oncall@example.com"],
      'UPDRAFT_ALERT_RULES[0]: expected a rule object with match and email or slack, got "oncall@example.com"',
    ],
    [
      "an unknown field",
      [{ email: ["a@example.com"], channel: "#x" }],
      'UPDRAFT_ALERT_RULES[0]: unknown field "channel" (expected match, email, emailConnId, slack)',
    ],
    [
      "an unknown match field",
      [{ match: { dag: "x" }, email: ["a@example.com"] }],
      'UPDRAFT_ALERT_RULES[0].match: unknown field "dag" (expected tags, dagIds, events, scope)',
    ],
    [
      "an unknown event",
      [{ match: { events: ["success"] }, email: ["a@example.com"] }],
      'UPDRAFT_ALERT_RULES[0].match.events[0]: expected "failure" or "retry", got "success"',
    ],
    [
      "events that are not an array",
      [{ match: { events: "failure" }, email: ["a@example.com"] }],
      'UPDRAFT_ALERT_RULES[0].match.events: expected an array of events ("failure", "retry"), got "failure"',
    ],
    [
      "no events",
      [{ match: { events: [] }, email: ["a@example.com"] }],
      "UPDRAFT_ALERT_RULES[0].match.events: expected at least one event, got []",
    ],
    [
      "an unknown scope",
      [{ match: { scope: "run" }, email: ["a@example.com"] }],
      'UPDRAFT_ALERT_RULES[0].match.scope: expected "task" or "dag", got "run"',
    ],
    [
      "a tag that is not a string",
      [{ match: { tags: ["prod", 7] }, email: ["a@example.com"] }],
      "UPDRAFT_ALERT_RULES[0].match.tags[1]: expected a non-empty string, got 7",
    ],
    [
      "dagIds that are not an array",
      [{ match: { dagIds: "sales_*" }, email: ["a@example.com"] }],
      'UPDRAFT_ALERT_RULES[0].match.dagIds: expected an array of DAG id patterns such as "sales_*", got "sales_*"',
    ],
    [
      "a malformed email address",
      [{ email: ["oncall at example.com"] }],
      'UPDRAFT_ALERT_RULES[0].email[0]: expected an email address such as oncall@example.com, got "oncall at example.com"',
    ],
    [
      "an email list that is a string",
      [{ email: "oncall@example.com" }],
      'UPDRAFT_ALERT_RULES[0].email: expected an array of email addresses, got "oncall@example.com"',
    ],
    [
      "an empty email list",
      [{ email: [] }],
      "UPDRAFT_ALERT_RULES[0].email: expected at least one email address, got []",
    ],
    [
      "a Slack channel with spaces",
      [{ slack: { channel: "data alerts" } }],
      'UPDRAFT_ALERT_RULES[0].slack.channel: expected a channel such as "#data-alerts", got "data alerts"',
    ],
    [
      "a Slack destination that is a string",
      [{ slack: "#data-alerts" }],
      'UPDRAFT_ALERT_RULES[0].slack: expected an object such as {"connId": "slack_default", "channel": "#data-alerts"}, got "#data-alerts"',
    ],
  ])("rejects %s, naming the path", (_case, rules, line) => {
    expect(problems(JSON.stringify(rules))).toEqual([line]);
  });

  test("lists every problem, one line each, under the given source name", () => {
    let message = "";
    try {
      parseAlertRules(
        JSON.stringify([{ email: ["ok@example.com"] }, { email: ["bad"], slack: { connId: " " } }]),
        "alert_rules.json",
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        'alert_rules.json[1].email[0]: expected an email address such as oncall@example.com, got "bad"',
        'alert_rules.json[1].slack.connId: expected a non-empty string, got " "',
      ].join("\n"),
    );
  });
});

describe("routeAlert", () => {
  const prodFailure: AlertRouteInput = {
    dagId: "sales_daily",
    tags: ["prod", "sales"],
    event: "failure",
    scope: "task",
  };

  const rules = parseAlertRules(
    JSON.stringify([
      { match: { tags: ["prod"] }, slack: { connId: "slack_default", channel: "#data-alerts" } },
      {
        match: { dagIds: ["sales_*"], events: ["failure", "retry"] },
        email: ["sales@example.com"],
      },
      { match: { dagIds: ["*_hourly", "exact_dag"] }, email: ["hourly@example.com"] },
      {
        match: { scope: "dag", tags: ["finance"] },
        email: ["cfo@example.com"],
        emailConnId: "smtp_finance",
      },
    ]),
  );

  test.each<[string, AlertRouteInput, unknown[]]>([
    [
      "a prod sales failure goes to Slack and the sales list",
      prodFailure,
      [
        { channel: "slack", connId: "slack_default", slackChannel: "#data-alerts" },
        { channel: "email", connId: "smtp_default", to: ["sales@example.com"] },
      ],
    ],
    [
      "a retry goes only where retries were asked for",
      { ...prodFailure, event: "retry" },
      [{ channel: "email", connId: "smtp_default", to: ["sales@example.com"] }],
    ],
    [
      "a recovery follows the failure's routes",
      { ...prodFailure, event: "recovery" },
      [
        { channel: "slack", connId: "slack_default", slackChannel: "#data-alerts" },
        { channel: "email", connId: "smtp_default", to: ["sales@example.com"] },
      ],
    ],
    [
      "a summary follows the failure's routes",
      { ...prodFailure, tags: [], event: "summary" },
      [{ channel: "email", connId: "smtp_default", to: ["sales@example.com"] }],
    ],
    ["a success is never routed", { ...prodFailure, event: "success" }, []],
    [
      "a glob matches in the middle and a pattern without * matches exactly",
      { dagId: "load_hourly", tags: [], event: "failure", scope: "task" },
      [{ channel: "email", connId: "smtp_default", to: ["hourly@example.com"] }],
    ],
    [
      "an exact pattern",
      { dagId: "exact_dag", tags: [], event: "failure", scope: "task" },
      [{ channel: "email", connId: "smtp_default", to: ["hourly@example.com"] }],
    ],
    [
      "a pattern must match the whole id",
      { dagId: "exact_dag_2", tags: [], event: "failure", scope: "task" },
      [],
    ],
    [
      "regex characters in ids are literal",
      { dagId: "salesXdaily", tags: [], event: "failure", scope: "task" },
      [],
    ],
    [
      "a scope filter skips task alerts",
      { dagId: "ledger", tags: ["finance"], event: "failure", scope: "task" },
      [],
    ],
    [
      "a scope filter takes DAG run alerts",
      { dagId: "ledger", tags: ["finance"], event: "failure", scope: "dag" },
      [{ channel: "email", connId: "smtp_finance", to: ["cfo@example.com"] }],
    ],
    [
      "nothing matches an untagged, unmatched DAG",
      { dagId: "other", tags: [], event: "failure", scope: "task" },
      [],
    ],
  ])("%s", (_case, alert, expected) => {
    expect(routeAlert(rules, alert)).toEqual(expected);
  });

  test("sends to each destination once: recipients merge per SMTP connection, Slack channels dedupe", () => {
    const overlapping = parseAlertRules(
      JSON.stringify([
        { email: ["oncall@example.com", "lead@example.com"], slack: { channel: "#data-alerts" } },
        {
          email: ["Oncall@Example.com", "dba@example.com"],
          slack: { connId: "slack_default", channel: "#data-alerts" },
        },
        { email: ["oncall@example.com"], emailConnId: "smtp_backup", slack: { channel: "#other" } },
        { slack: {} },
        { slack: { connId: "slack_default" } },
      ]),
    );
    expect(routeAlert(overlapping, prodFailure)).toEqual([
      {
        channel: "email",
        connId: "smtp_default",
        to: ["oncall@example.com", "lead@example.com", "dba@example.com"],
      },
      { channel: "slack", connId: "slack_default", slackChannel: "#data-alerts" },
      { channel: "email", connId: "smtp_backup", to: ["oncall@example.com"] },
      { channel: "slack", connId: "slack_default", slackChannel: "#other" },
      { channel: "slack", connId: "slack_default" },
    ]);
  });

  test("routes nowhere without rules", () => {
    expect(routeAlert([], prodFailure)).toEqual([]);
  });
});
