// (moved to warehouses.ts; kept while the snapshot tests import it from here)
export { duckDbWarehouse } from "./warehouses";
