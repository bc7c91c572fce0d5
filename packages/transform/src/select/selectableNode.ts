// The node as selection sees it: the few manifest fields dbt's selector methods read, plus the
// edges. Kept apart from the compiler's node types so selection stays a pure function of data.

/** The resource types selection knows about (dbt's NodeType values that this runner builds). */
export type SelectableResourceType = "model" | "seed" | "snapshot" | "test" | "source";

/** One node of the project graph, as `selectNodes` needs it. */
export interface SelectableNode {
  /**
   * dbt's unique id: `model.shop.stg_vendas`, `test.shop.not_null_stg_vendas_id.abc123`,
   * `source.shop.raw.vendas`, `seed.shop.regions`, `snapshot.shop.vehicle_prices`.
   */
  readonly uniqueId: string;
  /** The node's name; for a source, the table's name (`vendas`). */
  readonly name: string;
  readonly resourceType: SelectableResourceType;
  readonly packageName: string;
  readonly tags: readonly string[];
  /**
   * original_file_path relative to the project root, forward slashes
   * (`models/staging/stg_vendas.sql`; a generic test's or a source's is its YAML file).
   */
  readonly path: string;
  /**
   * dbt's fully qualified name: package, folders below the resource path, name
   * (`["shop", "staging", "stg_vendas"]`); for a source, ending in source and table
   * (`["shop", "raw", "vendas"]`).
   */
  readonly fqn: readonly string[];
  /** config.materialized; null where dbt has none (sources, tests without one). */
  readonly materialized: string | null;
  /** Unique ids of the parents; a test depends on the nodes it tests. */
  readonly dependsOn: readonly string[];
  /**
   * Tests only. When absent, a test whose file is `.sql` counts as singular and any other
   * (a schema YAML) as generic, which is where dbt finds each kind.
   */
  readonly testType?: "generic" | "singular";
}
