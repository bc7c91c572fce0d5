// dbt's Jinja on nunjucks: the configured environment, rendering with Jinja's semantics, and the
// static check for the constructs nunjucks gets wrong.
export { createDbtEnvironment, renderDbt } from "./dbtEnvironment";
export { assertJinjaSupported, lintJinja } from "./lintJinja";
export type { JinjaIssue } from "./lintJinja";
export type { JinjaConstruct } from "./unsupportedConstructs";
