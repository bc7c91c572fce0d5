// The text of a DAG's file for GET /dagSources/{dag_id}. With a DAGs folder configured the file
// is looked up there by its path relative to the folder (the API server may mount the folder
// elsewhere than the DAG processor did) and never outside it; otherwise at the stored fileloc.
// A file that cannot be read gives null content, as Airflow answers when it has no code stored.
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Where a DAG's file was found by the DAG processor. */
export interface DagFileLocation {
  readonly fileloc: string | null;
  readonly relativeFileloc: string | null;
}

function sourcePath(location: DagFileLocation, dagsFolder: string | undefined): string | null {
  if (dagsFolder === undefined) return location.fileloc;
  if (location.relativeFileloc === null) return null;
  const folder = path.resolve(dagsFolder);
  const file = path.resolve(folder, location.relativeFileloc);
  return file.startsWith(folder + path.sep) ? file : null;
}

/** The DAG file's text, or null when it cannot be read. */
export async function readDagSource(
  location: DagFileLocation,
  dagsFolder: string | undefined,
): Promise<string | null> {
  const file = sourcePath(location, dagsFolder);
  if (file === null) return null;
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}
