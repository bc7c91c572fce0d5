import { formatEmail } from "../src/format/emailMessage";
import { dagFailure, taskFailure } from "./alertFactsFixture";

const RUN = "scheduled__2026-12-01T00:00:00+00:00";
const LOG_URL = "https://updraft.example.com/dags/sales_daily/runs/r1/tasks/load_orders?try=2";

describe("formatEmail subject", () => {
  test.each([
    ["a final failure", taskFailure(), `[updraft] FAILED sales_daily.load_orders ${RUN} (try 2/3)`],
    [
      "a retry",
      taskFailure({ event: "retry", tryNumber: 1 }),
      `[updraft] RETRY sales_daily.load_orders ${RUN} (try 1/3)`,
    ],
    [
      "a recovery, without a try",
      taskFailure({ event: "recovery", tryNumber: 3 }),
      `[updraft] RECOVERED sales_daily.load_orders ${RUN}`,
    ],
    [
      "a success, without a try",
      taskFailure({ event: "success", tryNumber: 1 }),
      `[updraft] SUCCEEDED sales_daily.load_orders ${RUN}`,
    ],
    [
      "a summary of held-back failures",
      taskFailure({ event: "summary", suppressed: 5, since: "2026-12-01T06:00:00.000Z" }),
      "[updraft] FAILED sales_daily.load_orders: 5 more failures since 2026-12-01T06:00:00.000Z",
    ],
    [
      "a summary of one held-back failure",
      taskFailure({ event: "summary", suppressed: 1, since: "2026-12-01T06:00:00.000Z" }),
      "[updraft] FAILED sales_daily.load_orders: 1 more failure since 2026-12-01T06:00:00.000Z",
    ],
    [
      "a mapped task instance, with its map index",
      taskFailure({ mapIndex: 3 }),
      `[updraft] FAILED sales_daily.load_orders[3] ${RUN} (try 2/3)`,
    ],
    ["a DAG run, without task or try", dagFailure(), `[updraft] FAILED sales_daily ${RUN}`],
    [
      "a DAG run summary",
      dagFailure({ event: "summary", suppressed: 2, since: "2026-12-01T06:00:00.000Z" }),
      "[updraft] FAILED sales_daily: 2 more failures since 2026-12-01T06:00:00.000Z",
    ],
    [
      "an unknown number of tries",
      taskFailure({ maxTries: null }),
      `[updraft] FAILED sales_daily.load_orders ${RUN} (try 2)`,
    ],
    [
      "the notifier's own subject",
      taskFailure({ subject: "Orders are late" }),
      "[updraft] Orders are late",
    ],
    [
      "the notifier's own subject on one line",
      taskFailure({ subject: "Orders\r\n  are late\n" }),
      "[updraft] Orders are late",
    ],
  ])("names %s", (_case, facts, subject) => {
    expect(formatEmail(facts).subject).toBe(subject);
  });
});

describe("formatEmail text", () => {
  test("lists the facts, the error, the log tail and the link of a task failure", () => {
    expect(formatEmail(taskFailure()).text).toBe(
      [
        "Task sales_daily.load_orders failed.",
        "",
        "DAG:          sales_daily",
        "Task:         load_orders",
        `Run id:       ${RUN}`,
        "Logical date: 2026-12-01T00:00:00+00:00",
        "Try:          2 of 3",
        "Duration:     1.2 s",
        "",
        "Error:",
        "ValueError: bad row",
        "",
        "Last 2 log lines:",
        "loading 10 rows",
        "row 7 rejected",
        "",
        `View log: ${LOG_URL}`,
        "",
      ].join("\n"),
    );
  });

  test("says a retry will be retried and shows a mapped task's index", () => {
    const text = formatEmail(
      taskFailure({ event: "retry", tryNumber: 1, mapIndex: 0, durationSeconds: 184 }),
    ).text;
    expect(text.split("\n").slice(0, 8)).toEqual([
      "Task sales_daily.load_orders[0] failed and will be retried.",
      "",
      "DAG:          sales_daily",
      "Task:         load_orders[0]",
      `Run id:       ${RUN}`,
      "Logical date: 2026-12-01T00:00:00+00:00",
      "Try:          1 of 3",
      "Duration:     3 min 4 s",
    ]);
  });

  test("describes a DAG run without task, try, log tail, and links the run", () => {
    expect(formatEmail(dagFailure({ logicalDate: null })).text).toBe(
      [
        "DAG sales_daily failed.",
        "",
        "DAG:      sales_daily",
        `Run id:   ${RUN}`,
        "Duration: 3 min 4 s",
        "",
        "Error:",
        "task_failure",
        "",
        "View run: https://updraft.example.com/dags/sales_daily/runs/r1",
        "",
      ].join("\n"),
    );
  });

  test("explains a summary before the latest failure's facts", () => {
    const facts = taskFailure({
      event: "summary",
      suppressed: 5,
      since: "2026-12-01T06:00:00.000Z",
      error: null,
      logTail: [],
      url: null,
      durationSeconds: null,
    });
    expect(formatEmail(facts).text).toBe(
      [
        "Task sales_daily.load_orders: 5 more failures since 2026-12-01T06:00:00.000Z were held back to avoid flooding; the latest is below.",
        "",
        "DAG:          sales_daily",
        "Task:         load_orders",
        `Run id:       ${RUN}`,
        "Logical date: 2026-12-01T00:00:00+00:00",
        "Try:          2 of 3",
        "",
      ].join("\n"),
    );
  });

  test("puts the notifier's own text first, then the same facts", () => {
    const text = formatEmail(
      taskFailure({
        text: "Orders did not load.\nCall the warehouse team.",
        logTail: ["one line"],
      }),
    ).text;
    expect(text).toBe(
      [
        "Orders did not load.",
        "Call the warehouse team.",
        "",
        "DAG:          sales_daily",
        "Task:         load_orders",
        `Run id:       ${RUN}`,
        "Logical date: 2026-12-01T00:00:00+00:00",
        "Try:          2 of 3",
        "Duration:     1.2 s",
        "",
        "Error:",
        "ValueError: bad row",
        "",
        "Last log line:",
        "one line",
        "",
        `View log: ${LOG_URL}`,
        "",
      ].join("\n"),
    );
  });
});

describe("formatEmail html", () => {
  test("carries the same content: a facts table, the error and log tail in <pre>, a link", () => {
    expect(formatEmail(taskFailure()).html).toBe(
      [
        "<!DOCTYPE html>",
        "<html>",
        '<body style="font-family:sans-serif">',
        "<p>Task sales_daily.load_orders failed.</p>",
        '<table cellspacing="0" cellpadding="0">',
        '<tr><th align="left" style="padding:2px 12px 2px 0">DAG</th><td>sales_daily</td></tr>',
        '<tr><th align="left" style="padding:2px 12px 2px 0">Task</th><td>load_orders</td></tr>',
        `<tr><th align="left" style="padding:2px 12px 2px 0">Run id</th><td>${RUN}</td></tr>`,
        '<tr><th align="left" style="padding:2px 12px 2px 0">Logical date</th><td>2026-12-01T00:00:00+00:00</td></tr>',
        '<tr><th align="left" style="padding:2px 12px 2px 0">Try</th><td>2 of 3</td></tr>',
        '<tr><th align="left" style="padding:2px 12px 2px 0">Duration</th><td>1.2 s</td></tr>',
        "</table>",
        "<p><strong>Error</strong></p>",
        "<pre>ValueError: bad row</pre>",
        "<p><strong>Last 2 log lines</strong></p>",
        "<pre>loading 10 rows\nrow 7 rejected</pre>",
        `<p><a href="${LOG_URL}">View log</a></p>`,
        "</body>",
        "</html>",
        "",
      ].join("\n"),
    );
  });

  test("escapes <, >, &, and quotes in every value", () => {
    const html = formatEmail(
      taskFailure({
        text: `Owner: <ops@example.com> & "friends"\nsecond line`,
        runId: "manual__<b>&'x'",
        error: `<script>alert("x")</script> & 'y'`,
        logTail: ["a < b && c > d", `echo "done" '<ok>'`],
        url: `https://updraft.example.com/log?a=1&b="2"`,
      }),
    ).html;
    expect(html).not.toMatch(/<script|<b>|<ops@/);
    expect(html).toContain(
      "<p>Owner: &lt;ops@example.com&gt; &amp; &quot;friends&quot;<br>\nsecond line</p>",
    );
    expect(html).toContain("<td>manual__&lt;b&gt;&amp;&#39;x&#39;</td>");
    expect(html).toContain(
      "<pre>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</pre>",
    );
    expect(html).toContain(
      "<pre>a &lt; b &amp;&amp; c &gt; d\necho &quot;done&quot; &#39;&lt;ok&gt;&#39;</pre>",
    );
    expect(html).toContain(
      '<a href="https://updraft.example.com/log?a=1&amp;b=&quot;2&quot;">View log</a>',
    );
  });

  test("does not make a non-http link clickable", () => {
    const html = formatEmail(taskFailure({ url: "javascript:alert(1)" })).html;
    expect(html).not.toContain("<a ");
    expect(html).toContain("<p>View log: javascript:alert(1)</p>");
  });

  test("leaves out the error, log and link sections when there are none", () => {
    const html = formatEmail(taskFailure({ error: null, logTail: [], url: null })).html;
    expect(html).not.toMatch(/<pre>|<a |Error|log line/);
  });
});
