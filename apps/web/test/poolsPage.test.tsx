// The pools page: each pool's slots and usage (a bar in Airflow's state colours, the numbers in
// words), default_pool without a delete button and edited through the mask the API allows it,
// the Op role's add/edit/delete with the right requests, a Viewer reading only, and errors and
// empty lists in words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Pool } from "../src/api/types";
import { poolSlotParts, poolSlotSummary } from "../src/routes/admin/poolSlots";
import { installFakeApi } from "./support/fakeApi";
import { renderApp } from "./support/renderApp";

const api = installFakeApi();

const DEFAULT: Pool = {
  name: "default_pool",
  slots: 128,
  description: "Default pool",
  include_deferred: false,
  occupied_slots: 3,
  running_slots: 2,
  queued_slots: 1,
  scheduled_slots: 4,
  open_slots: 125,
  deferred_slots: 0,
};
const WAREHOUSE: Pool = {
  name: "snowflake_loads",
  slots: 4,
  description: null,
  include_deferred: true,
  occupied_slots: 4,
  running_slots: 2,
  queued_slots: 1,
  scheduled_slots: 1,
  open_slots: 0,
  deferred_slots: 1,
};
const UNLIMITED: Pool = {
  ...DEFAULT,
  name: "anything_goes",
  slots: -1,
  description: null,
  open_slots: -1,
  running_slots: 3,
  queued_slots: 0,
  scheduled_slots: 0,
  occupied_slots: 3,
};

let stored: Pool[] = [];
beforeEach(() => {
  stored = [UNLIMITED, DEFAULT, WAREHOUSE];
  api.on("GET /api/v2/pools", ({ query }) => {
    const pattern = query.get("pool_name_pattern") ?? "";
    const rows = stored.filter((p) => p.name.includes(pattern));
    return { pools: rows, total_entries: rows.length };
  });
});

const rowOf = async (name: string) => {
  const table = await screen.findByRole("table", { name: "Pools" });
  const row = within(table).getByText(name).closest("tr");
  if (row === null) throw new Error(`no row for ${name}`);
  return within(row);
};

test("each pool shows its slots and usage, in words and as a bar in state colours", async () => {
  renderApp(api, "/pools", "Viewer");
  const warehouse = await rowOf("snowflake_loads");
  const bar = warehouse.getByRole("img", {
    name: "2 running, 1 queued, 1 deferred, 1 scheduled, 0 open",
  });
  const parts = [...bar.querySelectorAll<HTMLElement>(".pool-bar-part")];
  expect(parts.map((p) => p.style.background)).toEqual(["lime", "gray", "mediumpurple", "tan"]);
  expect(parts.map((p) => p.style.width)).toEqual(["40%", "20%", "20%", "20%"]);
  expect(warehouse.getByText("Yes")).toBeInTheDocument();
  const unlimited = await rowOf("anything_goes");
  expect(unlimited.getByText("Unlimited")).toBeInTheDocument();
  expect(unlimited.getByRole("img", { name: /unlimited open$/ })).toBeInTheDocument();
});

test("default_pool has no delete button; other pools do", async () => {
  renderApp(api, "/pools", "Op");
  const defaultRow = await rowOf("default_pool");
  expect(defaultRow.getByRole("button", { name: "Edit default_pool" })).toBeInTheDocument();
  expect(defaultRow.queryByRole("button", { name: /^Delete/ })).toBeNull();
  expect(
    (await rowOf("snowflake_loads")).getByRole("button", { name: "Delete snowflake_loads" }),
  ).toBeInTheDocument();
});

test("editing default_pool sends only slots and include_deferred, as the API allows", async () => {
  api.on("PATCH /api/v2/pools/default_pool", ({ body }) => ({ ...DEFAULT, ...(body as object) }));
  renderApp(api, "/pools", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Edit default_pool" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit pool default_pool" });
  expect(within(dialog).getByLabelText("Description")).toBeDisabled();
  const slots = within(dialog).getByLabelText("Slots");
  await userEvent.clear(slots);
  await userEvent.type(slots, "64");
  await userEvent.click(within(dialog).getByLabelText("Include deferred"));
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  await waitFor(() => expect(api.callsTo("PATCH /api/v2/pools/default_pool")).toHaveLength(1));
  const call = api.callsTo("PATCH /api/v2/pools/default_pool")[0]!;
  expect(call.query.getAll("update_mask")).toEqual(["slots", "include_deferred"]);
  expect(call.body).toEqual({ name: "default_pool", slots: 64, include_deferred: true });
});

test("adding a pool checks the slots first, then POSTs the pool", async () => {
  api.on("POST /api/v2/pools", ({ body }) => ({
    status: 201,
    body: { ...WAREHOUSE, ...(body as object) },
  }));
  renderApp(api, "/pools", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Add pool" }));
  const dialog = await screen.findByRole("dialog", { name: "Add pool" });
  await userEvent.type(within(dialog).getByLabelText("Name"), "dbt_models");
  const slots = within(dialog).getByLabelText("Slots");
  await userEvent.clear(slots);
  await userEvent.type(slots, "-5");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add pool" }));
  expect(within(dialog).getByRole("alert")).toHaveTextContent("-1 for no limit");
  expect(api.callsTo("POST /api/v2/pools")).toHaveLength(0);
  await userEvent.clear(slots);
  await userEvent.type(slots, "8");
  await userEvent.type(within(dialog).getByLabelText("Description"), "The transform's models");
  await userEvent.click(within(dialog).getByRole("button", { name: "Add pool" }));
  await waitFor(() => expect(api.callsTo("POST /api/v2/pools")).toHaveLength(1));
  expect(api.callsTo("POST /api/v2/pools")[0]?.body).toEqual({
    name: "dbt_models",
    slots: 8,
    description: "The transform's models",
    include_deferred: false,
  });
});

test("deleting a pool asks first and sends DELETE; the row goes", async () => {
  api.on("DELETE /api/v2/pools/snowflake_loads", () => {
    stored = stored.filter((p) => p.name !== "snowflake_loads");
    return { status: 204 };
  });
  renderApp(api, "/pools", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Delete snowflake_loads" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete pool snowflake_loads?" });
  await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
  await waitFor(() => expect(screen.queryByText("snowflake_loads")).toBeNull());
  expect(api.callsTo("DELETE /api/v2/pools/snowflake_loads")).toHaveLength(1);
});

test("a Viewer reads pools but gets no write buttons", async () => {
  renderApp(api, "/pools", "Viewer");
  await screen.findByRole("table", { name: "Pools" });
  expect(screen.queryByRole("button", { name: "Add pool" })).toBeNull();
  expect(screen.queryByRole("button", { name: /^(Edit|Delete) / })).toBeNull();
});

test("the server's refusal of an edit is shown in its words", async () => {
  api.on("PATCH /api/v2/pools/snowflake_loads", () => ({
    status: 422,
    body: {
      detail: [
        {
          loc: ["body", "slots"],
          msg: "Input should be less than or equal to 2147483647",
          type: "less_than_equal",
        },
      ],
    },
  }));
  renderApp(api, "/pools", "Op");
  await userEvent.click(await screen.findByRole("button", { name: "Edit snowflake_loads" }));
  const dialog = await screen.findByRole("dialog", { name: "Edit pool snowflake_loads" });
  const slots = within(dialog).getByLabelText("Slots");
  await userEvent.clear(slots);
  await userEvent.type(slots, "99999999999");
  await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent(
    "slots: Input should be less than or equal to 2147483647",
  );
  expect(
    api.callsTo("PATCH /api/v2/pools/snowflake_loads")[0]?.query.getAll("update_mask"),
  ).toEqual(["slots", "description", "include_deferred"]);
});

test("a search with no match says so, sent as pool_name_pattern", async () => {
  renderApp(api, "/pools", "Viewer");
  await screen.findByRole("table", { name: "Pools" });
  await userEvent.type(screen.getByLabelText("Search pools"), "gpu");
  expect(await screen.findByText("No pool name contains “gpu”.")).toBeInTheDocument();
  expect(api.callsTo("GET /api/v2/pools").at(-1)?.query.get("pool_name_pattern")).toBe("gpu");
});

test("a failing list says why in words", async () => {
  api.on("GET /api/v2/pools", () => ({ status: 500, body: { detail: "Internal Server Error" } }));
  renderApp(api, "/pools", "Viewer");
  expect(await screen.findByRole("alert")).toHaveTextContent(
    "Pools could not be loaded: Internal Server Error",
  );
});

describe("poolSlotParts and poolSlotSummary", () => {
  test.each<[string, Pool, [string, number][], string]>([
    [
      "a busy pool counting deferred",
      WAREHOUSE,
      [
        ["running", 40],
        ["queued", 20],
        ["deferred", 20],
        ["scheduled", 20],
      ],
      "2 running, 1 queued, 1 deferred, 1 scheduled, 0 open",
    ],
    [
      "deferred not counted: no deferred part",
      { ...WAREHOUSE, include_deferred: false, deferred_slots: 0, open_slots: 1 },
      [
        ["running", 40],
        ["queued", 20],
        ["scheduled", 20],
        ["open", 20],
      ],
      "2 running, 1 queued, 1 scheduled, 1 open",
    ],
    [
      "an idle pool is all open",
      { ...DEFAULT, running_slots: 0, queued_slots: 0, scheduled_slots: 0, open_slots: 128 },
      [["open", 100]],
      "0 running, 0 queued, 0 scheduled, 128 open",
    ],
    [
      "an unlimited idle pool has no parts",
      { ...UNLIMITED, running_slots: 0 },
      [],
      "0 running, 0 queued, 0 scheduled, unlimited open",
    ],
  ])("%s", (_what, pool, parts, summary) => {
    expect(poolSlotParts(pool).map((p) => [p.kind, p.share])).toEqual(parts);
    expect(poolSlotSummary(pool)).toBe(summary);
  });
});
