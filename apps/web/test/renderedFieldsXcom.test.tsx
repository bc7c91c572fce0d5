// The task instance page's other tabs: the rendered template fields, the XCom entries with their
// values, and the details (the task's definition and its docs); the tabs by mouse and keyboard.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";
import {
  attempt,
  pagePath,
  serveTaskInstance,
  TASK_ID,
  taskInstance,
  TIS,
} from "./support/taskInstanceFixtures";

const api = installFakeApi();
const XCOM = `${TIS}/${TASK_ID}/xcomEntries`;

const panel = () => screen.getByRole("tabpanel");

test("Rendered templates shows each field: text as it is, structures as JSON", async () => {
  serveTaskInstance(
    api,
    taskInstance({
      rendered_fields: {
        sql: "select * from vendas\nwhere updated_at > '2026-03-01'",
        parameters: { batch_size: 500, tables: ["vendas"] },
      },
    }),
    [attempt(1, "success")],
  );
  renderApp(api, pagePath(), "Viewer");
  const tab = await screen.findByRole("tab", { name: "Rendered templates" });
  expect(screen.getByRole("tab", { name: "Logs" })).toHaveAttribute("aria-selected", "true");
  await userEvent.click(tab);
  expect(tab).toHaveAttribute("aria-selected", "true");
  const sql = within(panel()).getByRole("region", { name: "sql" });
  expect(sql.querySelector("pre")?.textContent).toBe(
    "select * from vendas\nwhere updated_at > '2026-03-01'",
  );
  const parameters = within(panel()).getByRole("region", { name: "parameters" });
  expect(parameters.querySelector("pre")?.textContent).toBe(
    JSON.stringify({ batch_size: 500, tables: ["vendas"] }, null, 2),
  );
  expect(screen.queryByRole("log")).not.toBeInTheDocument();
});

test("Rendered templates says when there are none", async () => {
  serveTaskInstance(api, taskInstance({ rendered_fields: {} }), [attempt(1, "queued")]);
  renderApp(api, pagePath(-1, "?tab=rendered"), "Viewer");
  expect(await screen.findByText(/No rendered template fields/)).toBeInTheDocument();
});

test("XCom lists the instance's entries with their values", async () => {
  serveTaskInstance(api, taskInstance({ state: "success" }), [attempt(1, "success")]);
  api.on(`GET ${XCOM}`, () => ({
    xcom_entries: [
      {
        key: "return_value",
        timestamp: "2026-03-01T00:01:30Z",
        logical_date: "2026-03-01T00:00:00Z",
        map_index: -1,
        task_id: TASK_ID,
        dag_id: "dealership",
        run_id: "scheduled__2026-03-01T00:00:00+00:00",
        dag_display_name: "Dealership load",
        task_display_name: TASK_ID,
        run_after: "2026-03-01T00:00:00Z",
      },
      {
        key: "watermark",
        timestamp: "2026-03-01T00:01:31Z",
        logical_date: "2026-03-01T00:00:00Z",
        map_index: -1,
        task_id: TASK_ID,
        dag_id: "dealership",
        run_id: "scheduled__2026-03-01T00:00:00+00:00",
        dag_display_name: "Dealership load",
        task_display_name: TASK_ID,
        run_after: "2026-03-01T00:00:00Z",
      },
    ],
    total_entries: 2,
  }));
  api.on(`GET ${XCOM}/return_value`, () => ({
    key: "return_value",
    timestamp: "2026-03-01T00:01:30Z",
    map_index: -1,
    task_id: TASK_ID,
    dag_id: "dealership",
    run_id: "scheduled__2026-03-01T00:00:00+00:00",
    value: { rows: 200, tables: ["vendas"] },
  }));
  api.on(`GET ${XCOM}/watermark`, () => ({
    key: "watermark",
    timestamp: "2026-03-01T00:01:31Z",
    map_index: -1,
    task_id: TASK_ID,
    dag_id: "dealership",
    run_id: "scheduled__2026-03-01T00:00:00+00:00",
    value: "2026-03-01T00:00:00",
  }));
  renderApp(api, pagePath(), "Viewer");
  await userEvent.click(await screen.findByRole("tab", { name: "XCom" }));
  const value = await within(panel()).findByLabelText("Value of return_value");
  expect(value.textContent).toBe(JSON.stringify({ rows: 200, tables: ["vendas"] }, null, 2));
  expect(await within(panel()).findByLabelText("Value of watermark")).toHaveTextContent(
    /^2026-03-01T00:00:00$/,
  );
  const list = api.callsTo(`GET ${XCOM}`)[0];
  expect(list?.query.get("map_index")).toBe("-1");
  const read = api.callsTo(`GET ${XCOM}/return_value`)[0];
  expect(read?.query.get("deserialize")).toBe("true");
  expect(read?.query.get("map_index")).toBe("-1");
});

test("XCom says when the try pushed nothing, and shows a failed read in words", async () => {
  serveTaskInstance(api, taskInstance({ map_index: 2 }), [attempt(1, "failed", { map_index: 2 })]);
  api.on(`GET ${XCOM}`, () => ({ xcom_entries: [], total_entries: 0 }));
  const view = renderApp(api, pagePath(2, "?tab=xcom"), "Viewer");
  expect(await screen.findByText(/No XCom entries/)).toBeInTheDocument();
  expect(api.callsTo(`GET ${XCOM}`)[0]?.query.get("map_index")).toBe("2");
  view.unmount();

  api.on(`GET ${XCOM}`, () => ({ status: 403, body: { detail: "Forbidden" } }));
  renderApp(api, pagePath(2, "?tab=xcom"), "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent("XCom cannot be read: Forbidden");
});

test("Details shows the task's definition and renders its docs", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "failed")]);
  renderApp(api, pagePath(-1, "?tab=details"), "Viewer");
  const definition = await screen.findByLabelText("Task definition");
  const value = (label: string) =>
    within(definition).getByText(label).nextElementSibling?.textContent;
  expect(value("Trigger rule")).toBe("all_success");
  expect(value("Retries")).toBe("1");
  expect(value("Retry delay")).toBe("5m 00s");
  expect(value("Template fields")).toBe("sql");
  expect(value("Downstream tasks")).toBe("vendas.merge");
  const docs = screen.getByText("vendas", { selector: "strong" });
  expect(docs.closest(".markdown")).toHaveTextContent("Copies vendas from the source.");
  const instance = screen.getByLabelText("Task instance details");
  expect(within(instance).getByText("Process id").nextElementSibling).toHaveTextContent("4242");
});

test("the arrow keys move between the tabs", async () => {
  serveTaskInstance(api, taskInstance(), [attempt(1, "failed")]);
  api.on(`GET ${XCOM}`, () => ({ xcom_entries: [], total_entries: 0 }));
  renderApp(api, pagePath(), "Viewer");
  const logs = await screen.findByRole("tab", { name: "Logs" });
  logs.focus();
  await userEvent.keyboard("{ArrowRight}");
  const rendered = screen.getByRole("tab", { name: "Rendered templates" });
  expect(rendered).toHaveAttribute("aria-selected", "true");
  expect(rendered).toHaveFocus();
  await userEvent.keyboard("{ArrowLeft}{ArrowLeft}");
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true"),
  );
  expect(screen.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", "ti-tab-details");
});
