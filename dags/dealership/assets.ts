// The assets the dealership pipelines share: each warehouse stage table the incremental load
// updates, which the transform DAG is scheduled on. A library module, not a DAG file (see
// .updraftignore), so both DAG files can import it without loading each other.
import { Asset } from "@updraft/sdk";

/** Reference tables first (any order among them), then the fact they describe. */
export const REFERENCE_TABLES = [
  "estados",
  "cidades",
  "concessionarias",
  "vendedores",
  "clientes",
  "veiculos",
] as const;
export const FACT_TABLE = "vendas";

/** Every table the load keeps in the warehouse's stage schema. */
export const STAGE_TABLES: readonly string[] = [...REFERENCE_TABLES, FACT_TABLE];

/** The asset each target table is: what the transform DAG is scheduled on. */
export const warehouseAsset = (table: string): Asset =>
  new Asset(`warehouse://dealership/stage/${table}`, { name: `dealership_stage_${table}` });
