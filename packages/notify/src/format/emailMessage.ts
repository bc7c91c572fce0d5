// An alert as an email: a subject people can filter on (`[updraft] FAILED dag.task run (try 2/3)`),
// a plain-text part and an HTML part with the same content. Error messages and logs are user
// data, so every value in the HTML is escaped.
import type { AlertFacts } from "../alertFacts";
import type { AlertDescription, AlertFactKey } from "./describeAlert";
import { describeAlert } from "./describeAlert";

/** The rendered parts of an alert email. */
export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Every subject starts with this, so inbox filters can catch all Updraft alerts. */
export const EMAIL_SUBJECT_PREFIX = "[updraft] ";

const LABELS: Record<AlertFactKey, string> = {
  dag: "DAG",
  task: "Task",
  run: "Run id",
  logicalDate: "Logical date",
  try: "Try",
  duration: "Duration",
};

/** Renders an alert as an email (pure). */
export function formatEmail(facts: AlertFacts): EmailContent {
  const description = describeAlert(facts);
  return {
    subject: `${EMAIL_SUBJECT_PREFIX}${description.title}`,
    text: renderText(description),
    html: renderHtml(description),
  };
}

function logHeading(lines: readonly string[]): string {
  return lines.length === 1 ? "Last log line" : `Last ${lines.length} log lines`;
}

function renderText(d: AlertDescription): string {
  const width = Math.max(...d.facts.map((fact) => LABELS[fact.key].length)) + 1;
  const table = d.facts.map((fact) => `${`${LABELS[fact.key]}:`.padEnd(width)} ${fact.value}`);
  const sections = [d.intro, table.join("\n")];
  if (d.error) sections.push(`Error:\n${d.error}`);
  if (d.logTail.length > 0) sections.push(`${logHeading(d.logTail)}:\n${d.logTail.join("\n")}`);
  if (d.link) sections.push(`${d.link.label}: ${d.link.url}`);
  return `${sections.join("\n\n")}\n`;
}

function renderHtml(d: AlertDescription): string {
  const rows = d.facts.map(
    (fact) =>
      `<tr><th align="left" style="padding:2px 12px 2px 0">${LABELS[fact.key]}</th>` +
      `<td>${escapeHtml(fact.value)}</td></tr>`,
  );
  const parts = [
    `<p>${escapeHtml(d.intro).replace(/\r?\n/g, "<br>\n")}</p>`,
    `<table cellspacing="0" cellpadding="0">\n${rows.join("\n")}\n</table>`,
  ];
  if (d.error) parts.push(`<p><strong>Error</strong></p>\n<pre>${escapeHtml(d.error)}</pre>`);
  if (d.logTail.length > 0) {
    parts.push(
      `<p><strong>${logHeading(d.logTail)}</strong></p>\n` +
        `<pre>${escapeHtml(d.logTail.join("\n"))}</pre>`,
    );
  }
  if (d.link) parts.push(`<p>${renderLink(d.link.label, d.link.url)}</p>`);
  return (
    `<!DOCTYPE html>\n<html>\n<body style="font-family:sans-serif">\n` +
    `${parts.join("\n")}\n</body>\n</html>\n`
  );
}

/** Only http(s) links become anchors: a `javascript:` URL must not be clickable. */
function renderLink(label: string, url: string): string {
  return /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}">${label}</a>`
    : `${label}: ${escapeHtml(url)}`;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
