// Where each node lives in the warehouse, as dbt decides it: the target's database and schema,
// a custom schema appended as `<target schema>_<custom>` (dbt's default generate_schema_name),
// the alias or the node's name as identifier.
import type { Relation } from "../adapters/relation";
import type { Target } from "../adapters/warehouse";
import type { GraphNode } from "./nodes";

const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;

/** dbt's generate_schema_name: the target schema, or `<target schema>_<custom>`. */
export function schemaName(target: Target, custom: string | null): string {
  return custom === null ? target.schema : `${target.schema}_${custom.trim()}`;
}

/** The relation `node` is (or will be) built as; sources are where their YAML says. */
export function relationOf(node: GraphNode, target: Target): Relation {
  switch (node.resourceType) {
    case "source":
      return {
        database: node.source.database,
        schema: node.source.schema,
        identifier: node.source.identifier,
      };
    case "snapshot":
      // Since dbt 1.9 a snapshot's target_schema is used as given; schema is a custom schema.
      return {
        database: node.config.targetDatabase ?? text(node.config.database) ?? target.database,
        schema: node.config.targetSchema ?? schemaName(target, text(node.config.schema)),
        identifier: node.config.alias ?? node.name,
      };
    case "model":
    case "seed":
    case "test":
      return {
        database: text(node.config.database) ?? target.database,
        schema: schemaName(target, text(node.config.schema)),
        identifier: text(node.config.alias) ?? node.name,
      };
  }
}
