// update_mask, one reading for every PATCH: repeatable and/or comma-separated names, trimmed,
// blanks dropped; the fields the body sets narrowed to the mask; a mask naming a field the
// endpoint cannot update is a 400 naming the ones it can, with nothing changed — on the DAG,
// DAG run and task instance PATCHes.
import path from "node:path";
import { DagCache, processDagsFolder } from "@updraft/scheduler";
import { fieldsToUpdate, updateMaskOf } from "../src/http/updateMask";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";
import { createRun } from "./fixtures/taskInstances/taskInstanceRuns";

describe("updateMaskOf", () => {
  test.each([
    [{}, []],
    [{ update_mask: "note" }, ["note"]],
    [{ update_mask: "note, state" }, ["note", "state"]],
    [{ update_mask: ["note", "state,"] }, ["note", "state"]],
    [{ update_mask: [" ", ",,"] }, []],
  ])("%j reads as %j", (query, mask) => {
    expect(updateMaskOf(query)).toEqual(mask);
    expect(updateMaskOf(query, ["note", "state"])).toEqual(mask);
  });

  test.each([
    [["is_paused"], "Only `is_paused` field can be updated through the REST API"],
    [["state", "note"], "Only `state` and `note` fields can be updated through the REST API"],
    [["a", "b", "c"], "Only `a`, `b` and `c` fields can be updated through the REST API"],
  ])("a name outside %j is a 400: %s", (allowed, message) => {
    expect(() => updateMaskOf({ update_mask: [allowed[0] ?? "", "colour"] }, allowed)).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", status: 400, detail: message }),
    );
  });

  test("without the allowed names, any name is kept (and matches no field)", () => {
    const mask = updateMaskOf({ update_mask: "colour" });
    expect(mask).toEqual(["colour"]);
    expect(fieldsToUpdate(["note"], { note: "x" }, mask)).toEqual(new Set());
  });

  test.each([
    [{ note: "x", state: null }, [], ["note", "state"]],
    [{ note: "x", state: null }, ["note"], ["note"]],
    [{ note: "x" }, ["state"], []],
    [null, [], []],
    ["note", [], []],
  ])("fieldsToUpdate of %j under %j: %j", (body, mask, fields) => {
    expect(fieldsToUpdate(["note", "state"], body, mask)).toEqual(new Set(fields));
  });
});

describe("the PATCH endpoints", () => {
  const api = useApi();
  const RUN = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}";
  const TI = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}";
  const runUrl = "/api/v2/dags/deps_chain/dagRuns/m_1";

  const snapshot = () =>
    tableSnapshot(
      api().client,
      "select dag_id, run_id, state, note from dag_run order by id",
      "select dag_id, run_id, task_id, map_index, state, note from task_instance order by id",
      "select dag_id, is_paused from dag order by dag_id",
    );

  beforeAll(async () => {
    const { client } = api();
    await processDagsFolder(client, {
      dagsFolder: path.join(__dirname, "fixtures", "dependencies"),
    });
    await createRun(client, new DagCache(client), "deps_chain", "m_1");
  });

  test.each([
    ["/api/v2/dags/deps_chain", "/api/v2/dags/{dag_id}", { is_paused: false }, "tags"],
    [runUrl, RUN, { note: "n" }, "note,colour"],
    [`${runUrl}/taskInstances/extract`, TI, { note: "n" }, "include_past"],
  ])(
    "PATCH %s with a mask naming another field: 400, nothing changed",
    async (url, template, body, mask) => {
      const before = await snapshot();
      const res = await api().as("User").patch(`${url}?update_mask=${mask}`).send(body);
      expect(res.status).toBe(400);
      expectMatchesSpec(res, "PATCH", template);
      expect(res.body.detail).toMatch(/^Only `.+` fields? can be updated through the REST API$/);
      expect(await snapshot()).toEqual(before);
    },
  );

  test("a DAG run's mask, comma-separated and repeated: only the named fields change", async () => {
    const res = await api()
      .as("User")
      .patch(`${runUrl}?update_mask=note,%20note&update_mask=`)
      .send({ note: "kept", state: "failed" });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", RUN);
    expect(res.body).toMatchObject({ note: "kept", state: "queued" });
  });

  test("a task instance's mask, comma-separated: the note changes, the state stays", async () => {
    const res = await api()
      .as("User")
      .patch(`${runUrl}/taskInstances/extract?update_mask=note,`)
      .send({ note: "by mask", new_state: "success" });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", TI);
    expect(res.body.task_instances).toEqual([
      expect.objectContaining({ task_id: "extract", note: "by mask", state: null }),
    ]);
  });
});
