// The log viewer: it reads a try's log page by page (continuation tokens), follows a running try
// through the live stream without showing a line twice, filters by level, stops following when
// the reader scrolls up, and downloads the text. The stream is a fake EventSource on globalThis.
import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createQueryClient } from "../src/api/queryClient";
import type { StructuredLogLine } from "../src/api/types";
import { LogViewer, type LogViewerProps } from "../src/components/taskInstance/LogViewer";
import { installFakeApi } from "./support/fakeApi";
import { FakeEventSource, installFakeEventSource } from "./support/fakeEventSource";

const RUN = "manual__2026-03-01T10:00:00+00:00";
const LOGS = `/api/v2/dags/dealership/dagRuns/${RUN}/taskInstances/vendas.sync/logs`;

const line = (n: number, level = "info"): StructuredLogLine => ({
  timestamp: `2026-03-01T10:00:${String(n).padStart(2, "0")}.250000Z`,
  level,
  event: `line ${n}`,
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => line(from + i));

const api = installFakeApi();

installFakeEventSource();
afterEach(() => jest.restoreAllMocks());

const KEY = { dagId: "dealership", runId: RUN, taskId: "vendas.sync", mapIndex: -1 };

function renderViewer(props: Partial<LogViewerProps> = {}) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  const element = (more: Partial<LogViewerProps>) => (
    <QueryClientProvider client={client}>
      <LogViewer taskInstance={KEY} tryNumber={1} live={false} {...props} {...more} />
    </QueryClientProvider>
  );
  const view = render(element({}));
  return { ...view, rerenderWith: (more: Partial<LogViewerProps>) => view.rerender(element(more)) };
}

/** jsdom's Blob has no text(). */
function blobText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (blob === undefined) return reject(new Error("no blob was made"));
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("unreadable blob"));
    reader.readAsText(blob);
  });
}

const logRegion = () => screen.getByRole("log", { name: "Log" });
const shownLines = () =>
  within(logRegion())
    .queryAllByText(/^line \d+$/)
    .map((el) => el.textContent);

test("reads every page of a finished try, following the continuation tokens", async () => {
  api.on(`GET ${LOGS}/1`, ({ query }) =>
    query.get("token") === null
      ? { content: range(1, 2), continuation_token: "page-2" }
      : query.get("token") === "page-2"
        ? { content: range(3, 4), continuation_token: "page-3" }
        : { content: [line(5)], continuation_token: null },
  );
  renderViewer();
  await waitFor(() => expect(shownLines()).toHaveLength(5));
  expect(shownLines()).toEqual(["line 1", "line 2", "line 3", "line 4", "line 5"]);
  const reads = api.callsTo(`GET ${LOGS}/1`);
  expect(reads.map((r) => r.query.get("token"))).toEqual([null, "page-2", "page-3"]);
  expect(reads.every((r) => r.query.get("map_index") === "-1")).toBe(true);
  expect(screen.getByText("5 lines")).toBeInTheDocument();
  // A finished try is not followed.
  expect(FakeEventSource.instances).toHaveLength(0);
});

test("each line shows its time, its level and its message", async () => {
  api.on(`GET ${LOGS}/1`, () => ({
    content: [line(1, "warning"), "plain text from a command"],
    continuation_token: null,
  }));
  renderViewer();
  const message = await within(logRegion()).findByText("line 1");
  const row = message.closest(".log-line");
  expect(row).toHaveAttribute("data-level", "warning");
  expect(within(row as HTMLElement).getByText("WARNING")).toBeInTheDocument();
  expect(row?.querySelector("time")).toHaveAttribute("dateTime", "2026-03-01T10:00:01.250000Z");
  expect(within(logRegion()).getByText("plain text from a command")).toBeInTheDocument();
});

test("a running try is followed live: batches from the first line on add only new lines", async () => {
  let read = range(1, 2);
  api.on(`GET ${LOGS}/3`, ({ query }) =>
    query.get("token") === null
      ? { content: read, continuation_token: "after-read" }
      : { content: [], continuation_token: "after-read" },
  );
  const view = renderViewer({ tryNumber: 3, live: true });
  await waitFor(() => expect(shownLines()).toEqual(["line 1", "line 2"]));
  const [source] = FakeEventSource.instances;
  expect(source?.url).toBe(
    `/api/v2/events?dag_id=dealership&dag_run_id=${encodeURIComponent(RUN)}&task_id=vendas.sync&map_index=-1&try_number=3`,
  );

  // The stream starts at the try's first line: what the read returned is not added again.
  source?.emit("log", { content: range(1, 3), continuation_token: "103" });
  expect(shownLines()).toEqual(["line 1", "line 2", "line 3"]);
  source?.emit("log", { content: [line(4)], continuation_token: "104" });
  expect(shownLines()).toEqual(["line 1", "line 2", "line 3", "line 4"]);
  // The stream reconnected and starts over, with one line more.
  source?.emit("log", { content: range(1, 5), continuation_token: "105" });
  expect(shownLines()).toEqual(["line 1", "line 2", "line 3", "line 4", "line 5"]);
  expect(screen.getByText("Live")).toBeInTheDocument();

  // The try ends: the stream closes and the whole log is read once more, its last lines too.
  read = range(1, 6);
  api.on(`GET ${LOGS}/3`, () => ({ content: read, continuation_token: null }));
  view.rerenderWith({ live: false });
  await waitFor(() => expect(shownLines()).toHaveLength(6));
  expect(source?.closed).toBe(true);
  expect(screen.queryByText("Live")).not.toBeInTheDocument();
});

test("the level filter shows the chosen level and above", async () => {
  api.on(`GET ${LOGS}/1`, () => ({
    content: [line(1, "info"), line(2, "warning"), line(3, "error"), line(4, "critical")],
    continuation_token: null,
  }));
  renderViewer();
  await waitFor(() => expect(shownLines()).toHaveLength(4));
  await userEvent.selectOptions(screen.getByLabelText("Level"), "Error and above");
  expect(shownLines()).toEqual(["line 3", "line 4"]);
  expect(screen.getByText("4 lines, 2 shown")).toBeInTheDocument();
  await userEvent.selectOptions(screen.getByLabelText("Level"), "Warning and above");
  expect(shownLines()).toEqual(["line 2", "line 3", "line 4"]);
  await userEvent.selectOptions(screen.getByLabelText("Level"), "All levels");
  expect(shownLines()).toHaveLength(4);
});

test("following keeps the last line in view until the reader scrolls up", async () => {
  api.on(`GET ${LOGS}/2`, ({ query }) => ({
    content: query.get("token") === null ? range(1, 3) : [],
    continuation_token: "t",
  }));
  renderViewer({ tryNumber: 2, live: true });
  await waitFor(() => expect(shownLines()).toHaveLength(3));
  const region = logRegion();
  let top = 0;
  Object.defineProperties(region, {
    scrollHeight: { configurable: true, get: () => 1000 },
    clientHeight: { configurable: true, get: () => 200 },
    scrollTop: { configurable: true, get: () => top, set: (value: number) => (top = value) },
  });
  const source = FakeEventSource.instances[0];
  const follow = screen.getByRole("button", { name: "Follow" });
  expect(follow).toHaveAttribute("aria-pressed", "true");

  source?.emit("log", { content: range(1, 4), continuation_token: "4" });
  expect(top).toBe(1000);

  top = 300;
  fireEvent.scroll(region);
  expect(follow).toHaveAttribute("aria-pressed", "false");
  source?.emit("log", { content: [line(5)], continuation_token: "5" });
  expect(shownLines()).toHaveLength(5);
  expect(top).toBe(300);

  await userEvent.click(follow);
  expect(follow).toHaveAttribute("aria-pressed", "true");
  expect(top).toBe(1000);
});

test("wrap lines is a toggle on the log", async () => {
  api.on(`GET ${LOGS}/1`, () => ({ content: [line(1)], continuation_token: null }));
  renderViewer();
  await waitFor(() => expect(shownLines()).toHaveLength(1));
  expect(logRegion()).toHaveAttribute("data-wrap", "true");
  await userEvent.click(screen.getByLabelText("Wrap lines"));
  expect(logRegion()).toHaveAttribute("data-wrap", "false");
});

test("download saves every line as a .log file named after the try", async () => {
  api.on(`GET ${LOGS}/2`, () => ({
    content: [line(1), line(2, "error")],
    continuation_token: null,
  }));
  const blobs: Blob[] = [];
  // jsdom has no blob URLs.
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      blobs.push(blob);
      return "blob:log";
    },
    revokeObjectURL: () => undefined,
  });
  const clicked: HTMLAnchorElement[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this);
  });
  renderViewer({ tryNumber: 2 });
  await waitFor(() => expect(shownLines()).toHaveLength(2));
  await userEvent.selectOptions(screen.getByLabelText("Level"), "Error and above");
  await userEvent.click(screen.getByRole("button", { name: "Download" }));

  expect(clicked).toHaveLength(1);
  expect(clicked[0]?.download).toBe(
    "dag_id=dealership__run_id=manual__2026-03-01T10_00_00+00_00__task_id=vendas.sync__attempt=2.log",
  );
  expect(clicked[0]?.getAttribute("href")).toBe("blob:log");
  // The whole log, not just the lines the filter shows.
  expect(await blobText(blobs[0])).toBe(
    "[2026-03-01T10:00:01.250000Z] INFO - line 1\n[2026-03-01T10:00:02.250000Z] ERROR - line 2\n",
  );
});

test("a try without lines says so, and a failed read says why", async () => {
  api.on(`GET ${LOGS}/2`, () => ({ content: [], continuation_token: null }));
  const view = renderViewer({ tryNumber: 2 });
  expect(await screen.findByText("No log lines for try 2 yet")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Download" })).toBeDisabled();
  view.unmount();

  api.on(`GET ${LOGS}/4`, () => ({ status: 404, body: { detail: "TaskInstance not found" } }));
  renderViewer({ tryNumber: 4 });
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "The log cannot be read: TaskInstance not found",
  );
  expect(screen.queryByText("No log lines for try 4 yet")).not.toBeInTheDocument();
});
