// Everything statement handlers share: the DuckDB instance's catalog, stages, load history.

import type { DatabaseCatalog } from "../catalog/databaseCatalog";
import type { FileFormatStore } from "../copy/fileFormatStore";
import type { LoadHistory } from "../copy/loadHistory";
import type { StageStore } from "../stage/stageStore";
import type { ScratchConnection } from "./scratchConnection";

/** Server-wide state, one per running LocalSnowflake. */
export interface Resources {
  readonly catalog: DatabaseCatalog;
  readonly stages: StageStore;
  readonly loadHistory: LoadHistory;
  readonly fileFormats: FileFormatStore;
  readonly scratch: ScratchConnection;
}
