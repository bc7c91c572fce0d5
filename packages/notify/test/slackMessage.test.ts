import { formatSlack, SLACK_LIMITS } from "../src/format/slackMessage";
import type { SlackMessage } from "../src/format/slackMessage";
import { dagFailure, taskFailure } from "./alertFactsFixture";

const RUN = "scheduled__2026-12-01T00:00:00+00:00";
const LOG_URL = "https://updraft.example.com/dags/sales_daily/runs/r1/tasks/load_orders?try=2";

type Block = NonNullable<SlackMessage["attachments"][number]["blocks"]>[number];

function blocksOf(message: SlackMessage): Block[] {
  return message.attachments[0]?.blocks ?? [];
}

/** The mrkdwn text of the section blocks, in order. */
function sectionTexts(message: SlackMessage): string[] {
  return blocksOf(message).flatMap((block) =>
    block.type === "section" && "text" in block && block.text ? [block.text.text] : [],
  );
}

function headerText(message: SlackMessage): string {
  // Block is a union with Slack's open-ended `Block`, which `type` does not narrow.
  const header = blocksOf(message)[0] as { type: string; text?: { text: string } } | undefined;
  if (header?.type !== "header" || header.text === undefined) throw new Error("no header block");
  return header.text.text;
}

describe("formatSlack", () => {
  test("renders a task failure as a red attachment with header, facts, error, log and button", () => {
    const fallback = `FAILED sales_daily.load_orders ${RUN} (try 2/3)`;
    expect(formatSlack(taskFailure(), "#data-alerts")).toEqual({
      channel: "#data-alerts",
      text: fallback,
      attachments: [
        {
          color: "#D32F2F",
          fallback,
          blocks: [
            {
              type: "header",
              text: { type: "plain_text", text: "🔴 FAILED sales_daily.load_orders", emoji: true },
            },
            {
              type: "section",
              text: { type: "mrkdwn", text: "Task sales_daily.load_orders failed." },
            },
            {
              type: "section",
              fields: [
                { type: "mrkdwn", text: "*DAG*\nsales_daily" },
                { type: "mrkdwn", text: "*Task*\nload_orders" },
                { type: "mrkdwn", text: `*Run*\n${RUN}` },
                { type: "mrkdwn", text: "*Logical date*\n2026-12-01T00:00:00+00:00" },
                { type: "mrkdwn", text: "*Try*\n2 of 3" },
                { type: "mrkdwn", text: "*Duration*\n1.2 s" },
              ],
            },
            {
              type: "section",
              text: { type: "mrkdwn", text: "*Error*\n```ValueError: bad row```" },
            },
            {
              type: "section",
              text: {
                type: "mrkdwn",
                text: "*Last 2 log lines*\n```loading 10 rows\nrow 7 rejected```",
              },
            },
            {
              type: "actions",
              elements: [
                {
                  type: "button",
                  text: { type: "plain_text", text: "View log" },
                  url: LOG_URL,
                  action_id: "view_log",
                },
              ],
            },
          ],
        },
      ],
    });
  });

  test.each([
    [
      "a retry",
      taskFailure({ event: "retry", tryNumber: 1 }),
      "🟠 RETRY sales_daily.load_orders",
      "#F57C00",
    ],
    [
      "a recovery",
      taskFailure({ event: "recovery" }),
      "🟢 RECOVERED sales_daily.load_orders",
      "#2E7D32",
    ],
    [
      "a success",
      taskFailure({ event: "success" }),
      "🟢 SUCCEEDED sales_daily.load_orders",
      "#2E7D32",
    ],
    [
      "a summary",
      taskFailure({ event: "summary", suppressed: 5, since: "2026-12-01T06:00:00.000Z" }),
      "🔴 FAILED sales_daily.load_orders",
      "#D32F2F",
    ],
    [
      "a mapped instance",
      taskFailure({ mapIndex: 4 }),
      "🔴 FAILED sales_daily.load_orders[4]",
      "#D32F2F",
    ],
    ["a DAG run", dagFailure(), "🔴 FAILED sales_daily", "#D32F2F"],
    [
      "the notifier's subject",
      taskFailure({ subject: "Orders late" }),
      "🔴 Orders late",
      "#D32F2F",
    ],
  ])("gives %s its header and colour", (_case, facts, header, color) => {
    const message = formatSlack(facts);
    expect(headerText(message)).toBe(header);
    expect(message.attachments[0]?.color).toBe(color);
  });

  test("uses the email subject without its prefix as the fallback text", () => {
    const facts = taskFailure({
      event: "summary",
      suppressed: 5,
      since: "2026-12-01T06:00:00.000Z",
    });
    const message = formatSlack(facts);
    expect(message.text).toBe(
      "FAILED sales_daily.load_orders: 5 more failures since 2026-12-01T06:00:00.000Z",
    );
    expect(sectionTexts(message)[0]).toBe(
      "Task sales_daily.load_orders: 5 more failures since 2026-12-01T06:00:00.000Z were held back to avoid flooding; the latest is below.",
    );
  });

  test("leaves the channel out when none is given", () => {
    expect(formatSlack(taskFailure())).not.toHaveProperty("channel");
  });

  test("lists a DAG run's facts without task or try and links the run", () => {
    const message = formatSlack(dagFailure());
    const fields = blocksOf(message).find((block) => block.type === "section" && "fields" in block);
    expect(fields).toEqual({
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*DAG*\nsales_daily" },
        { type: "mrkdwn", text: `*Run*\n${RUN}` },
        { type: "mrkdwn", text: "*Logical date*\n2026-12-01T00:00:00+00:00" },
        { type: "mrkdwn", text: "*Duration*\n3 min 4 s" },
      ],
    });
    expect(blocksOf(message).at(-1)).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "View run" },
          url: "https://updraft.example.com/dags/sales_daily/runs/r1",
          action_id: "view_log",
        },
      ],
    });
  });

  test("escapes &, < and > in user text so it cannot mention or link", () => {
    const message = formatSlack(
      taskFailure({
        subject: "<!here> orders & returns",
        text: "Ping <@U123> now",
        runId: "manual__<x>",
        error: "<!channel> a & b",
        logTail: ["<https://evil.example|click>"],
      }),
    );
    expect(message.text).toBe("&lt;!here&gt; orders &amp; returns");
    // plain_text is not parsed by Slack, so the header stays as written.
    expect(headerText(message)).toBe("🔴 <!here> orders & returns");
    expect(sectionTexts(message)).toEqual([
      "Ping &lt;@U123&gt; now",
      "*Error*\n```&lt;!channel&gt; a &amp; b```",
      "*Last log line*\n```&lt;https://evil.example|click&gt;```",
    ]);
    expect(JSON.stringify(message.attachments)).toContain('"*Run*\\nmanual__&lt;x&gt;"');
  });

  test("keeps a ``` inside the error from closing the code block", () => {
    const [, error] = sectionTexts(formatSlack(taskFailure({ error: "see ```x```" })));
    expect(error).toBe("*Error*\n```see `\u200b`\u200b`x`\u200b`\u200b````");
  });

  test("cuts the header to 150 characters and each section to 3000, marking the cut", () => {
    const message = formatSlack(
      taskFailure({
        dagId: "d".repeat(200),
        error: "e".repeat(5000),
        logTail: ["first", "l".repeat(4000), "last"],
      }),
    );
    const header = headerText(message);
    expect(header).toHaveLength(SLACK_LIMITS.headerText);
    expect(header.endsWith("d…")).toBe(true);
    const [, error, log] = sectionTexts(message);
    expect(error).toHaveLength(SLACK_LIMITS.sectionText);
    expect(error?.endsWith("ee…```")).toBe(true);
    // A log keeps its end, where the failure is.
    expect(log).toHaveLength(SLACK_LIMITS.sectionText);
    expect(log?.startsWith("*Last 3 log lines*\n```…lll")).toBe(true);
    expect(log?.endsWith("l\nlast```")).toBe(true);
    const fields = blocksOf(message).find((block) => block.type === "section" && "fields" in block);
    expect(JSON.stringify(fields).length).toBeLessThan(12_000);
  });

  test("cuts escaped text between entities, never inside one", () => {
    const [, error] = sectionTexts(formatSlack(taskFailure({ error: "&".repeat(2000) })));
    expect(error).toMatch(/^\*Error\*\n```(&amp;)+…```$/);
    expect(error?.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  });

  test("cuts a fact to Slack's 2000-character field limit", () => {
    const message = formatSlack(taskFailure({ runId: "r".repeat(2500) }));
    const fields = blocksOf(message).find((block) => block.type === "section" && "fields" in block);
    const run = fields && "fields" in fields ? fields.fields?.[2]?.text : undefined;
    expect(run).toHaveLength(SLACK_LIMITS.fieldText);
    expect(run?.startsWith("*Run*\nrrr")).toBe(true);
    expect(run?.endsWith("r…")).toBe(true);
  });

  test.each([
    ["no link", null],
    ["a link that is not http(s)", "javascript:alert(1)"],
    ["a link longer than Slack allows", `https://updraft.example.com/${"x".repeat(3000)}`],
  ])("has no button for %s", (_case, url) => {
    const blocks = blocksOf(formatSlack(taskFailure({ url })));
    expect(blocks.some((block) => block.type === "actions")).toBe(false);
  });
});
