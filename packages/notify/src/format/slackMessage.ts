// An alert as a Slack incoming-webhook payload: Block Kit blocks inside one attachment, so the
// message gets a coloured bar (red failed, orange retry, green recovered or succeeded), plus a
// fallback `text` for notifications. Slack rejects a whole message whose blocks exceed a limit,
// so every text is cut to fit, and user text is escaped so `<`, `>` and `&` cannot form links.
import type { IncomingWebhookSendArguments } from "@slack/webhook";
import type { AlertFacts } from "../alertFacts";
import type { AlertDescription, AlertFactKey } from "./describeAlert";
import { describeAlert } from "./describeAlert";

type Attachment = NonNullable<IncomingWebhookSendArguments["attachments"]>[number];
type Block = NonNullable<Attachment["blocks"]>[number];

/** An incoming-webhook payload: fallback text, one coloured attachment, optionally a channel. */
export type SlackMessage = Required<Pick<IncomingWebhookSendArguments, "text" | "attachments">> &
  Pick<IncomingWebhookSendArguments, "channel">;

/** Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  buttonUrl: 3000,
} as const;

/** The attachment bar colour of each kind of alert. */
export const SLACK_COLORS = {
  FAILED: "#D32F2F",
  RETRY: "#F57C00",
  RECOVERED: "#2E7D32",
  SUCCEEDED: "#2E7D32",
} as const satisfies Record<AlertDescription["word"], string>;

const EMOJI: Record<AlertDescription["word"], string> = {
  FAILED: "🔴",
  RETRY: "🟠",
  RECOVERED: "🟢",
  SUCCEEDED: "🟢",
};

const LABELS: Record<AlertFactKey, string> = {
  dag: "DAG",
  task: "Task",
  run: "Run",
  logicalDate: "Logical date",
  try: "Try",
  duration: "Duration",
};

/** Renders an alert as a Slack webhook payload (pure); `channel` (e.g. "#data-alerts") is optional. */
export function formatSlack(facts: AlertFacts, channel?: string): SlackMessage {
  const d = describeAlert(facts);
  const text = escapeMrkdwn(d.title);
  const attachment: Attachment = { color: SLACK_COLORS[d.word], fallback: text, blocks: blocks(d) };
  return { ...(channel ? { channel } : {}), text, attachments: [attachment] };
}

function blocks(d: AlertDescription): Block[] {
  const list: Block[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: cut(`${EMOJI[d.word]} ${d.heading}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    { type: "section", text: mrkdwn(fit(d.intro, SLACK_LIMITS.sectionText, "start")) },
    {
      type: "section",
      fields: d.facts.map((fact) => {
        const label = `*${LABELS[fact.key]}*\n`;
        return mrkdwn(label + fit(fact.value, SLACK_LIMITS.fieldText - label.length, "start"));
      }),
    },
  ];
  if (d.error) list.push(codeSection("Error", d.error, "start"));
  if (d.logTail.length > 0) {
    const heading = d.logTail.length === 1 ? "Last log line" : `Last ${d.logTail.length} log lines`;
    // The end of a log explains the failure, so a long tail loses its first lines.
    list.push(codeSection(heading, d.logTail.join("\n"), "end"));
  }
  if (d.link && /^https?:\/\//i.test(d.link.url) && d.link.url.length <= SLACK_LIMITS.buttonUrl) {
    list.push({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: d.link.label },
          url: d.link.url,
          action_id: "view_log",
        },
      ],
    });
  }
  return list;
}

function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text };
}

function codeSection(heading: string, body: string, keep: "start" | "end"): Block {
  const open = `*${heading}*\n\`\`\``;
  // A ``` inside the body would end the code block early; a zero-width space defuses it.
  const safe = body.replace(/```/g, "`\u200b`\u200b`");
  const budget = SLACK_LIMITS.sectionText - open.length - 3;
  return { type: "section", text: mrkdwn(`${open}${fit(safe, budget, keep)}\`\`\``) };
}

const MRKDWN_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Slack's escaping for text it parses: only &, < and > (https://api.slack.com/reference/surfaces/formatting#escaping). */
function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => MRKDWN_ESCAPES[char] ?? char);
}

/**
 * Escapes `raw` and cuts it to `budget` characters of escaped text, marking the cut with "…".
 * Cutting after escaping could split an entity (`&am…`), so characters are escaped one by one.
 */
function fit(raw: string, budget: number, keep: "start" | "end"): string {
  const escaped = escapeMrkdwn(raw);
  if (escaped.length <= budget) return escaped;
  const chars = Array.from(raw);
  if (keep === "end") chars.reverse();
  const kept: string[] = [];
  let length = 1; // the "…"
  for (const char of chars) {
    const piece = MRKDWN_ESCAPES[char] ?? char;
    if (length + piece.length > budget) break;
    kept.push(piece);
    length += piece.length;
  }
  return keep === "start" ? `${kept.join("")}…` : `…${kept.reverse().join("")}`;
}

/** Cuts plain text (not parsed by Slack) to `limit` characters, ending with "…". */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let kept = "";
  for (const char of text) {
    if (kept.length + char.length + 1 > limit) break;
    kept += char;
  }
  return `${kept}…`;
}
