// Runs a data test as dbt does: its SQL returns the failing rows; the runner counts them and
// compares the count with warn_if / error_if, and the severity decides between fail and warn.
import type { Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { TestNode } from "../graph/nodes";
import { compileNode, type ExecutionOptions } from "./compileNode";

/** dbt's test statuses. */
export type TestStatus = "pass" | "fail" | "warn";

/** What running a test found. */
export interface TestOutcome {
  readonly status: TestStatus;
  readonly failures: number;
  readonly compiledSql: string;
  readonly message: string;
}

/** A condition such as `!= 0` or `> 10`, checked before it is put into SQL. */
const CONDITION = /^\s*(=|==|!=|<>|>=|<=|>|<)\s*-?\d+(\.\d+)?\s*$/;

/** dbt's wrapper around a test's query: the failure count and the two flags. */
export function testQuery(sql: string, node: TestNode): string {
  for (const [key, condition] of [
    ["warn_if", node.config.warnIf],
    ["error_if", node.config.errorIf],
  ] as const)
    if (!CONDITION.test(condition))
      throw new Error(
        `${node.path}: test ${node.name}: ${key}: expected a comparison with a number such as "!= 0" or ">10", got ${JSON.stringify(condition)}`,
      );
  const limit = node.config.limit === null ? "" : `\nlimit ${Math.trunc(node.config.limit)}`;
  const op = (condition: string) => condition.replace("==", "=");
  return `select count(*) as failures,
  case when count(*) ${op(node.config.warnIf)} then 1 else 0 end as should_warn,
  case when count(*) ${op(node.config.errorIf)} then 1 else 0 end as should_error
from (
${sql}${limit}
) dbt_internal_test`;
}

/** Runs `node` and reports pass, warn or fail. */
export async function runTest(
  project: CompiledProject,
  warehouse: Warehouse,
  node: TestNode,
  options: ExecutionOptions = {},
): Promise<TestOutcome> {
  const compiled = await compileNode(project, warehouse, node, options);
  const [row] = await warehouse.execute(testQuery(compiled.sql, node));
  const get = (key: string): number => {
    const found = Object.entries(row ?? {}).find(([k]) => k.toLowerCase() === key);
    return Number(found?.[1] ?? 0);
  };
  const failures = get("failures");
  const status: TestStatus =
    node.config.severity === "error" && get("should_error") === 1
      ? "fail"
      : get("should_warn") === 1
        ? "warn"
        : "pass";
  const plural = failures === 1 ? "" : "s";
  const message =
    status === "pass"
      ? "PASS"
      : `Got ${failures} result${plural}, configured to ${status === "fail" ? "fail" : "warn"} if ${
          status === "fail" ? node.config.errorIf : node.config.warnIf
        }`;
  return { status, failures, compiledSql: compiled.sql, message };
}
