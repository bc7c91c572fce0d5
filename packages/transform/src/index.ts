// @updraft/transform: the dbt-compatible SQL project runner (in progress: project loading and
// the parse phase — refs, sources, configs, the ordered model graph).
export { loadProject } from "./project/loadProject";
export type { ModelFile, Project, SourceTable } from "./project/loadProject";
export { compileProject } from "./compile/compileProject";
export type { CompiledProject, ModelNode } from "./compile/compileProject";
export { folderConfig, resolveConfig } from "./compile/modelConfig";
export type { ModelConfig } from "./compile/modelConfig";
export { TransformError } from "./transformError";
export type { TransformErrorCode } from "./transformError";
