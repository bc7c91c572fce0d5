// GET /dags/{dag_id}/tasks and /tasks/{task_id} (from the serialized DAG), GET /dagSources/{dag_id}
// (the DAG file's text, JSON or plain text) and GET /dagTags, over DAGs the DAG processor stored
// from test/fixtures/dags; every JSON response is checked against Airflow's spec.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const FIXTURES = path.join(__dirname, "fixtures", "dags");
const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-tasks-"));
const api = useApi({ dagsFolder: folder });

const TASKS = "/api/v2/dags/{dag_id}/tasks";
const TASK = "/api/v2/dags/{dag_id}/tasks/{task_id}";
const SOURCE = "/api/v2/dagSources/{dag_id}";
const TAGS = "/api/v2/dagTags";

const taskIds = (body: unknown): string[] =>
  (body as { tasks: { task_id: string }[] }).tasks.map((t) => t.task_id);

/**
 * Airflow answers a bad order_by with 400, but the spec declares no 400 for GET /dagTags: the
 * body is checked against HTTPExceptionResponse through an operation that declares it.
 */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "GET", "/api/v2/dags/{dag_id}");
}

beforeAll(async () => {
  cpSync(FIXTURES, folder, { recursive: true });
  await processDagsFolder(api().client, { dagsFolder: folder });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GET /api/v2/dags/{dag_id}/tasks", () => {
  test("lists the DAG's tasks by task_id, as Airflow's TaskResponse", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily/tasks");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", TASKS);
    expect(res.body.total_entries).toBe(3);
    expect(taskIds(res.body)).toEqual(["extract", "load", "transform"]);
    expect(res.body.tasks[0]).toMatchObject({
      task_id: "extract",
      task_display_name: "extract",
      owner: "data-team",
      start_date: "2026-01-01T00:00:00Z",
      end_date: null,
      trigger_rule: "all_success",
      depends_on_past: false,
      retries: 2,
      pool: "default_pool",
      pool_slots: 1,
      queue: "default",
      retry_delay: { __type: "TimeDelta", days: 0, seconds: 300, microseconds: 0 },
      execution_timeout: { __type: "TimeDelta", days: 0, seconds: 5400, microseconds: 0 },
      weight_rule: "downstream",
      downstream_task_ids: ["transform"],
      operator_name: "EmptyOperator",
      class_ref: { module_path: null, class_name: "EmptyOperator" },
      is_mapped: false,
      extra_links: [],
    });
    expect(res.body.tasks[0].params.region).toMatchObject({ value: "eu" });
    const transform = res.body.tasks[2];
    expect(transform).toMatchObject({
      retries: 1,
      execution_timeout: null,
      operator_name: "@task",
    });
  });

  test.each([
    ["-task_id", ["transform", "load", "extract"]],
    ["-priority_weight", ["load", "extract", "transform"]],
    ["retries", ["load", "transform", "extract"]],
    ["execution_timeout", ["extract", "load", "transform"]],
  ])("order_by=%s", async (order, expected) => {
    const res = await api().as("Viewer").get(`/api/v2/dags/etl_daily/tasks?order_by=${order}`);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", TASKS);
    expect(taskIds(res.body)).toEqual(expected);
  });

  test("an attribute tasks do not have is 400", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily/tasks?order_by=colour");
    expect(res.status).toBe(400);
    expectMatchesSpec(res, "GET", TASKS);
    expect(res.body.detail).toMatch(/has no attribute 'colour'/);
  });

  test("an unknown DAG is 404", async () => {
    for (const dagId of ["nope", "x'%3B%20delete%20from%20dag%3B%20--"]) {
      const res = await api().as("Viewer").get(`/api/v2/dags/${dagId}/tasks`);
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", TASKS);
      expect(res.body).toEqual({
        detail: `The Dag with ID: \`${decodeURIComponent(dagId)}\` was not found`,
      });
    }
    const count = await api().client.query<{ n: number }>("select count(*)::int as n from dag");
    expect(count.rows[0]?.n).toBe(5);
  });
});

describe("GET /api/v2/dags/{dag_id}/tasks/{task_id}", () => {
  test("one task", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily/tasks/load");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", TASK);
    expect(res.body).toMatchObject({
      task_id: "load",
      priority_weight: 7,
      retry_delay: { __type: "TimeDelta", days: 0, seconds: 300, microseconds: 0 },
      downstream_task_ids: [],
    });
  });

  test("a task with a per-DAG cap", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/reporting/tasks/render");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", TASK);
    expect(res.body.owner).toBe("analytics");
  });

  test("an unknown task or DAG is 404 with Airflow's message", async () => {
    const task = await api().as("Viewer").get("/api/v2/dags/etl_daily/tasks/nope");
    expect(task.status).toBe(404);
    expectMatchesSpec(task, "GET", TASK);
    expect(task.body).toEqual({ detail: "Task with id nope was not found" });
    const dag = await api().as("Viewer").get("/api/v2/dags/nope/tasks/load");
    expect(dag.status).toBe(404);
    expectMatchesSpec(dag, "GET", TASK);
    expect(dag.body).toEqual({ detail: "The Dag with ID: `nope` was not found" });
  });
});

describe("GET /api/v2/dagSources/{dag_id}", () => {
  const text = () => readFileSync(path.join(folder, "apiDags.ts"), "utf8");

  test("the DAG file's text, as JSON by default", async () => {
    const res = await api().as("Viewer").get("/api/v2/dagSources/etl_daily");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", SOURCE);
    expect(res.body).toEqual({
      content: text(),
      dag_id: "etl_daily",
      version_number: null,
      dag_display_name: "warehouse load",
    });
    const json = await api()
      .as("Viewer")
      .get("/api/v2/dagSources/reporting")
      .set("Accept", "application/json");
    expect(json.status).toBe(200);
    expectMatchesSpec(json, "GET", SOURCE);
    expect(json.body.content).toBe(text());
  });

  test("plain text when Accept asks for it", async () => {
    const res = await api()
      .as("Viewer")
      .get("/api/v2/dagSources/etl_daily")
      .set("Accept", "text/plain");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.text).toBe(text());
  });

  test("any other Accept is 406", async () => {
    const res = await api()
      .as("Viewer")
      .get("/api/v2/dagSources/etl_daily")
      .set("Accept", "text/html");
    expect(res.status).toBe(406);
    expectMatchesSpec(res, "GET", SOURCE);
    expect(res.body).toEqual({ detail: "Only application/json or text/plain is supported" });
  });

  test("a file that is gone gives null content", async () => {
    const file = path.join(folder, "apiDags.ts");
    const saved = text();
    rmSync(file);
    try {
      const res = await api().as("Viewer").get("/api/v2/dagSources/etl_daily");
      expect(res.status).toBe(200);
      expectMatchesSpec(res, "GET", SOURCE);
      expect(res.body.content).toBeNull();
    } finally {
      cpSync(path.join(FIXTURES, "apiDags.ts"), file);
    }
    expect(text()).toBe(saved);
  });

  test("a relative_fileloc pointing outside the DAGs folder is not read", async () => {
    await api().client.query(
      "update dag set relative_fileloc = '../../etc/passwd' where dag_id = 'reporting'",
    );
    try {
      const res = await api().as("Viewer").get("/api/v2/dagSources/reporting");
      expect(res.status).toBe(200);
      expectMatchesSpec(res, "GET", SOURCE);
      expect(res.body.content).toBeNull();
    } finally {
      await api().client.query(
        "update dag set relative_fileloc = 'apiDags.ts' where dag_id = 'reporting'",
      );
    }
  });

  test("an unknown DAG or a version this server does not keep is 404", async () => {
    const cases = [
      ["nope", "The source code of the DAG nope, version_number None was not found"],
      [
        "a'%3B%20drop%20table%20dag%3B%20--",
        "The source code of the DAG a'; drop table dag; --, version_number None was not found",
      ],
      [
        "etl_daily?version_number=2",
        "The source code of the DAG etl_daily, version_number 2 was not found",
      ],
    ] as const;
    for (const [url, detail] of cases) {
      const res = await api().as("Viewer").get(`/api/v2/dagSources/${url}`);
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", SOURCE);
      expect(res.body).toEqual({ detail });
    }
  });

  test("a version_number that is not an integer is 422", async () => {
    const res = await api().as("Viewer").get("/api/v2/dagSources/etl_daily?version_number=one");
    expect(res.status).toBe(422);
    expectMatchesSpec(res, "GET", SOURCE);
    expect(res.body.detail[0].loc).toEqual(["query", "version_number"]);
  });
});

describe("GET /api/v2/dagTags", () => {
  test.each([
    ["", ["daily", "etl", "maintenance", "reports"], 4],
    ["?order_by=-name", ["reports", "maintenance", "etl", "daily"], 4],
    ["?limit=2&offset=1", ["etl", "maintenance"], 4],
    ["?tag_name_pattern=E", ["etl", "maintenance", "reports"], 3],
    ["?tag_name_pattern=dai%7Crep", ["daily", "reports"], 2],
    ["?tag_name_pattern=zzz", [], 0],
  ])("%s", async (query, tags, total) => {
    const res = await api().as("Viewer").get(`${TAGS}${query}`);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", TAGS);
    expect(res.body).toEqual({ tags, total_entries: total });
  });

  test("a bad order_by is 400, a bad limit 422", async () => {
    const order = await api().as("Viewer").get(`${TAGS}?order_by=dag_id`);
    expect(order.status).toBe(400);
    expectHttpException(order);
    expect(order.body).toEqual({
      detail: "Ordering with 'dag_id' is disallowed or the attribute does not exist on the model",
    });
    const limit = await api().as("Viewer").get(`${TAGS}?limit=-5`);
    expect(limit.status).toBe(422);
    expectMatchesSpec(limit, "GET", TAGS);
  });
});
