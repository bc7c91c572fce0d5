// The task instance page: its header, the try switcher (which decides whose log is read), the
// actions a role allows — clear with its options and dry run, mark success/failed — their
// request bodies, errors in the API's words, and a mapped task's list of instances.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installFakeApi } from "./support/fakeApi";
import { FakeEventSource, installFakeEventSource } from "./support/fakeEventSource";
import { renderApp } from "./support/renderApp";
import {
  attempt,
  DAG_ID,
  pagePath,
  RUN_ID,
  serveTaskInstance,
  TASK,
  TASK_ID,
  taskInstance,
  TIS,
  tiPath,
} from "./support/taskInstanceFixtures";

const api = installFakeApi();
const CLEAR = `POST /api/v2/dags/${DAG_ID}/clearTaskInstances`;

/** The value beside `label` in the field list named `list`. */
function field(list: string, label: string): string | null | undefined {
  return within(screen.getByLabelText(list)).getByText(label).nextElementSibling?.textContent;
}

const heading = () => screen.findByRole("heading", { level: 1 });

test("the header shows where the instance is and how its current try went", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "up_for_retry"), attempt(2, "failed")]);
  renderApp(api, pagePath(), "Viewer");
  expect(await heading()).toHaveTextContent(TASK_ID);
  const crumbs = screen.getByRole("navigation", { name: "Breadcrumbs" });
  expect(within(crumbs).getByRole("link", { name: "Dealership load" })).toHaveAttribute(
    "href",
    `/dags/${DAG_ID}`,
  );
  expect(within(crumbs).getByRole("link", { name: RUN_ID })).toHaveAttribute(
    "href",
    `/dags/${DAG_ID}/runs/${encodeURIComponent(RUN_ID)}`,
  );
  const summary = "Task instance summary";
  expect(field(summary, "Try")).toBe("2 of 3");
  expect(field(summary, "Duration")).toBe("42s");
  expect(field(summary, "Operator")).toBe("PostgresToSnowflakeOperator");
  expect(field(summary, "Pool")).toBe("default_pool (1 slot)");
  expect(field(summary, "Queue")).toBe("default");
  expect(field(summary, "Hostname")).toBe("worker-b");
  expect(field(summary, "Priority")).toBe("3");
  expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("failed");
});

test("the latest try is shown first; choosing another reads that try's log", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "up_for_retry"), attempt(2, "failed")]);
  renderApp(api, pagePath(), "Viewer");
  const log = await screen.findByRole("log", { name: "Log" });
  expect(await within(log).findByText("try 2 started")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Try 2" })).toHaveAttribute("aria-pressed", "true");
  expect(field("Try 2", "Hostname")).toBe("worker-2");

  await userEvent.click(screen.getByRole("button", { name: "Try 1" }));
  const log1 = () => screen.getByRole("log", { name: "Log" });
  expect(await screen.findByText("try 1 started")).toBeInTheDocument();
  expect(log1()).toHaveTextContent("try 1 started");
  expect(within(log1()).queryByText("try 2 started")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Try 1" })).toHaveAttribute("aria-pressed", "true");
  expect(screen.getByRole("button", { name: "Try 2" })).toHaveAttribute("aria-pressed", "false");
  expect(field("Try 1", "State")).toBe("up for retry");
  expect(field("Try 1", "Hostname")).toBe("worker-1");
  expect(api.callsTo(`GET ${TIS}/${TASK_ID}/logs/1`)).toHaveLength(1);
});

test("the address can name the try to show", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "up_for_retry"), attempt(2, "failed")]);
  renderApp(api, pagePath(-1, "?try_number=1"), "Viewer");
  const log = await screen.findByRole("log", { name: "Log" });
  expect(await within(log).findByText("try 1 started")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Try 1" })).toHaveAttribute("aria-pressed", "true");
  expect(api.callsTo(`GET ${TIS}/${TASK_ID}/logs/2`)).toHaveLength(0);
});

test("a task that never started has no tries and says there is no log", async () => {
  serveTaskInstance(api, taskInstance({ state: null, try_number: 0 }), [attempt(0, null)]);
  renderApp(api, pagePath(), "User");
  expect(
    await screen.findByText("The task has not started yet: there is no log."),
  ).toBeInTheDocument();
  expect(field("Task instance summary", "Try")).toBe("not started");
  expect(screen.queryByRole("button", { name: /^Try / })).not.toBeInTheDocument();
});

test("a Viewer sees the log but no actions", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "failed")]);
  renderApp(api, pagePath(), "Viewer");
  await within(await screen.findByRole("log", { name: "Log" })).findByText("try 1 started");
  for (const name of ["Clear task", "Mark success", "Mark failed"])
    expect(screen.queryByRole("button", { name })).not.toBeInTheDocument();
});

test("clear shows the dry run for the chosen options and sends them when confirmed", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "failed")]);
  api.on(CLEAR, ({ body }) => {
    const { include_downstream: downstream } = body as { include_downstream: boolean };
    const tis = downstream
      ? [taskInstance(), taskInstance({ task_id: "vendas.merge", state: "upstream_failed" })]
      : [taskInstance()];
    return { task_instances: tis, total_entries: tis.length };
  });
  renderApp(api, pagePath(), "User");
  await userEvent.click(await screen.findByRole("button", { name: "Clear task" }));
  const dialog = screen.getByRole("dialog");
  expect(within(dialog).getByRole("heading")).toHaveTextContent(`Clear ${TASK_ID}`);
  expect(await within(dialog).findByText("2 task instances will be cleared:")).toBeInTheDocument();
  expect(within(dialog).getByText("vendas.merge")).toBeInTheDocument();
  expect(api.callsTo(CLEAR)[0]?.body).toEqual({
    dry_run: true,
    task_ids: [TASK_ID],
    dag_run_id: RUN_ID,
    include_upstream: false,
    include_downstream: true,
    include_past: false,
    include_future: false,
    only_failed: false,
  });

  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Downstream" }));
  expect(await within(dialog).findByText("1 task instance will be cleared:")).toBeInTheDocument();
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Upstream" }));
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Only failed" }));
  await waitFor(() =>
    expect(api.callsTo(CLEAR).at(-1)?.body).toMatchObject({
      dry_run: true,
      include_upstream: true,
      include_downstream: false,
      only_failed: true,
    }),
  );

  const readsBefore = api.callsTo(`GET ${tiPath()}`).length;
  const previews = api.callsTo(CLEAR).length;
  await userEvent.click(within(dialog).getByRole("button", { name: "Clear" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(api.callsTo(CLEAR)).toHaveLength(previews + 1);
  expect(api.callsTo(CLEAR).at(-1)?.body).toEqual({
    dry_run: false,
    task_ids: [TASK_ID],
    dag_run_id: RUN_ID,
    include_upstream: true,
    include_downstream: false,
    include_past: false,
    include_future: false,
    only_failed: true,
  });
  // The page reads the instance again at once.
  await waitFor(() => expect(api.callsTo(`GET ${tiPath()}`).length).toBeGreaterThan(readsBefore));
});

test("Cancel closes the clear dialog without clearing", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "failed")]);
  api.on(CLEAR, () => ({ task_instances: [taskInstance()], total_entries: 1 }));
  renderApp(api, pagePath(), "User");
  await userEvent.click(await screen.findByRole("button", { name: "Clear task" }));
  await within(screen.getByRole("dialog")).findByText("1 task instance will be cleared:");
  await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  expect(api.callsTo(CLEAR).every((call) => (call.body as { dry_run: boolean }).dry_run)).toBe(
    true,
  );
});

test("a mapped instance is cleared by its task id and map index", async () => {
  const ti = taskInstance({ map_index: 3, rendered_map_index: "region=sul" });
  serveTaskInstance(api, ti, [attempt(1, "failed", { map_index: 3 })]);
  api.on(CLEAR, () => ({ task_instances: [ti], total_entries: 1 }));
  renderApp(api, pagePath(3), "User");
  expect(await heading()).toHaveTextContent(`${TASK_ID} [3] region=sul`);
  await userEvent.click(screen.getByRole("button", { name: "Clear task" }));
  await within(screen.getByRole("dialog")).findByText("1 task instance will be cleared:");
  expect(api.callsTo(CLEAR)[0]?.body).toMatchObject({ task_ids: [[TASK_ID, 3]] });
  // The log is the mapped instance's.
  expect(api.callsTo(`GET ${TIS}/${TASK_ID}/logs/1`)[0]?.query.get("map_index")).toBe("3");
});

test("mark success previews the instances it changes and patches the mapped instance", async () => {
  const ti = taskInstance({ map_index: 3 });
  serveTaskInstance(api, ti, [attempt(1, "failed", { map_index: 3 })]);
  api.on(`PATCH ${tiPath(3)}/dry_run`, ({ body }) => {
    const { include_downstream: downstream } = body as { include_downstream: boolean };
    const tis = downstream
      ? [ti, taskInstance({ task_id: "vendas.merge", state: "upstream_failed" })]
      : [ti];
    return { task_instances: tis, total_entries: tis.length };
  });
  api.on(`PATCH ${tiPath(3)}`, () => ({
    task_instances: [{ ...ti, state: "success" }],
    total_entries: 1,
  }));
  renderApp(api, pagePath(3), "User");
  await userEvent.click(await screen.findByRole("button", { name: "Mark success" }));
  const dialog = screen.getByRole("dialog");
  expect(
    await within(dialog).findByText("1 task instance will be marked success:"),
  ).toBeInTheDocument();
  expect(api.callsTo(`PATCH ${tiPath(3)}/dry_run`)[0]?.body).toEqual({
    new_state: "success",
    include_upstream: false,
    include_downstream: false,
    include_past: false,
    include_future: false,
  });
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Downstream" }));
  expect(
    await within(dialog).findByText("2 task instances will be marked success:"),
  ).toBeInTheDocument();

  serveTaskInstance(api, { ...ti, state: "success" }, [attempt(1, "success", { map_index: 3 })]);
  await userEvent.click(within(dialog).getByRole("button", { name: "Mark success" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  expect(api.callsTo(`PATCH ${tiPath(3)}`)[0]?.body).toEqual({
    new_state: "success",
    include_upstream: false,
    include_downstream: true,
    include_past: false,
    include_future: false,
  });
  // Reflected at once: the header reads the new state, and marking success again is offered no more.
  await waitFor(() => expect(screen.getByRole("button", { name: "Mark success" })).toBeDisabled());
});

test("mark failed shows the API's refusal in words and stays open", async () => {
  serveTaskInstance(api, taskInstance({ state: "running", end_date: null, duration: null }), [
    attempt(1, "running"),
  ]);
  api.on(`PATCH ${tiPath()}/dry_run`, ({ body }) =>
    (body as { include_past: boolean }).include_past
      ? {
          status: 400,
          body: {
            detail:
              "Cannot use include_past or include_future with no logical_date(e.g. manually or asset-triggered).",
          },
        }
      : { task_instances: [taskInstance({ state: "running" })], total_entries: 1 },
  );
  api.on(`PATCH ${tiPath()}`, () => ({
    status: 409,
    body: { detail: `Task id ${TASK_ID} is already in failed state` },
  }));
  renderApp(api, pagePath(), "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Mark failed" }));
  const dialog = screen.getByRole("dialog");
  expect(within(dialog).getByRole("heading")).toHaveTextContent(`Mark ${TASK_ID} as failed`);
  await within(dialog).findByText("1 task instance will be marked failed:");

  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Past" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "Cannot use include_past or include_future with no logical_date",
  );
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "Past" }));
  await within(dialog).findByText("1 task instance will be marked failed:");

  await userEvent.click(within(dialog).getByRole("button", { name: "Mark failed" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    `Task id ${TASK_ID} is already in failed state`,
  );
  expect(screen.getByRole("dialog")).toBeInTheDocument();
});

test("an instance that does not exist is named in the API's words", async () => {
  api.on(`GET /api/v2/dags/${DAG_ID}/tasks/${TASK_ID}`, () => TASK);
  api.on(`GET ${tiPath()}`, () => ({
    status: 404,
    body: {
      detail: `The Task Instance with dag_id: \`${DAG_ID}\`, run_id: \`${RUN_ID}\` and task_id: \`${TASK_ID}\` was not found`,
    },
  }));
  api.on(`GET ${tiPath()}/tries`, () => ({ status: 404, body: { detail: "not found" } }));
  renderApp(api, pagePath(), "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    `The task instance cannot be shown: The Task Instance with dag_id: \`${DAG_ID}\``,
  );
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(TASK_ID);
});

test("a mapped task without a map index lists its mapped instances as links", async () => {
  api.on(`GET /api/v2/dags/${DAG_ID}/tasks/${TASK_ID}`, () => ({ ...TASK, is_mapped: true }));
  api.on(`GET ${TIS}/${TASK_ID}/listMapped`, () => ({
    task_instances: [
      taskInstance({ map_index: 0, state: "success", rendered_map_index: "region=norte" }),
      taskInstance({ map_index: 1, state: "running", rendered_map_index: "region=sul" }),
    ],
    total_entries: 2,
  }));
  renderApp(api, pagePath(), "User");
  expect(await screen.findByText("2 mapped instances")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: `${TASK_ID} [1]` })).toHaveAttribute(
    "href",
    `/dags/${DAG_ID}/runs/${encodeURIComponent(RUN_ID)}/tasks/${TASK_ID}/mapped/1`,
  );
  expect(screen.getByText("region=norte")).toBeInTheDocument();
  expect(api.callsTo(`GET ${TIS}/${TASK_ID}/listMapped`)[0]?.query.get("order_by")).toBe(
    "map_index",
  );
  // The instance itself (map index -1) is never asked for: the task is mapped.
  expect(api.callsTo(`GET ${tiPath()}`)).toHaveLength(0);
  expect(screen.getByRole("button", { name: "Clear task" })).toBeInTheDocument();
});

test("a mapped task that has not expanded yet says so", async () => {
  api.on(`GET /api/v2/dags/${DAG_ID}/tasks/${TASK_ID}`, () => ({ ...TASK, is_mapped: true }));
  api.on(`GET ${TIS}/${TASK_ID}/listMapped`, () => ({ task_instances: [], total_entries: 0 }));
  renderApp(api, pagePath(), "Viewer");
  expect(await screen.findByText(/No mapped instances yet/)).toBeInTheDocument();
});

describe("live", () => {
  installFakeEventSource();

  test("the state follows the run's live events without a reload", async () => {
    serveTaskInstance(api, taskInstance({ state: "running" }), [attempt(1, "running")]);
    renderApp(api, pagePath(), "Viewer");
    await screen.findByRole("log", { name: "Log" });
    const runEvents = FakeEventSource.instances.find((s) => !s.url.includes("task_id"));
    expect(runEvents?.url).toBe(
      `/api/v2/events?dag_id=${DAG_ID}&dag_run_id=${encodeURIComponent(RUN_ID)}`,
    );
    expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("running");

    serveTaskInstance(api, taskInstance({ state: "success" }), [attempt(1, "success")]);
    runEvents?.emit("task_instance");
    await waitFor(() =>
      expect(screen.getByRole("heading", { level: 1 }).parentElement).toHaveTextContent("success"),
    );
    expect(field("Try 1", "State")).toBe("success");
  });
});
