// The DAGs list's pure helpers: the address read as the API's query, an import error's message
// out of its stack trace, and a cached answer with one DAG paused.
import { withDagPaused } from "../src/api/withDagPaused";
import { dagsListQuery, hasDagFilters } from "../src/routes/dags/dagsListQuery";
import { importErrorMessage } from "../src/routes/dags/importErrorMessage";

describe("dagsListQuery", () => {
  test("no filters: the first page by name", () => {
    const params = new URLSearchParams();
    expect(dagsListQuery(params)).toEqual({ order_by: "dag_display_name", limit: 25, offset: 0 });
    expect(hasDagFilters(params)).toBe(false);
  });

  test("the address's filters, under the API's names", () => {
    const params = new URLSearchParams(
      "dag_id_pattern=+etl+&tags=a&tags=b&tags=a&tags_match_mode=all&paused=false&order_by=-dag_display_name&offset=50",
    );
    expect(dagsListQuery(params)).toEqual({
      dag_id_pattern: "etl",
      tags: ["a", "b"],
      tags_match_mode: "all",
      paused: false,
      order_by: "-dag_display_name",
      limit: 25,
      offset: 50,
    });
    expect(hasDagFilters(params)).toBe(true);
  });

  test("values the API would refuse are left out", () => {
    expect(
      dagsListQuery(
        new URLSearchParams("paused=maybe&order_by=fileloc&offset=-3&tags_match_mode=all&tags="),
      ),
    ).toEqual({ order_by: "dag_display_name", limit: 25, offset: 0 });
    expect(dagsListQuery(new URLSearchParams("paused=true")).paused).toBe(true);
  });
});

describe("importErrorMessage", () => {
  test.each([
    [
      "a JavaScript stack: the lines before the first frame",
      "SyntaxError: Unexpected token (3:4)\n    at parse (/app/x.ts:3:4)\n    at load",
      "SyntaxError: Unexpected token (3:4)",
    ],
    [
      "a message of two lines",
      "Error: DAG cycle\nbetween a and b\n    at check (x.ts:1:1)",
      "Error: DAG cycle between a and b",
    ],
    [
      "a Python traceback: its last line",
      'Traceback (most recent call last):\n  File "dag.py", line 3\nValueError: bad\n',
      "ValueError: bad",
    ],
    ["a bare message", "Error: boom", "Error: boom"],
    ["nothing", "  ", "The file could not be loaded."],
  ])("%s", (_what, stack, message) => {
    expect(importErrorMessage(stack)).toBe(message);
  });
});

describe("withDagPaused", () => {
  const dag = (dagId: string, isPaused: boolean) => ({ dag_id: dagId, is_paused: isPaused, x: 1 });

  test("a single DAG changes when it is the one", () => {
    expect(withDagPaused(dag("a", false), "a", true)).toEqual(dag("a", true));
    const other = dag("b", false);
    expect(withDagPaused(other, "a", true)).toBe(other);
  });

  test("a list changes only the DAG named, and stays the same object when it holds none", () => {
    const list = { dags: [dag("a", false), dag("b", false)], total_entries: 2 };
    const patched = withDagPaused(list, "b", true);
    expect(patched).toEqual({ dags: [dag("a", false), dag("b", true)], total_entries: 2 });
    expect(patched.dags[0]).toBe(list.dags[0]);
    expect(withDagPaused(list, "c", true)).toBe(list);
  });

  test.each([undefined, null, "text", [dag("a", false)], { tags: ["a"] }])(
    "anything else (%p) is left alone",
    (data) => {
      expect(withDagPaused(data, "a", true)).toBe(data);
    },
  );
});
