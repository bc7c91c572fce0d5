// The files of a stage directory, as LIST, REMOVE and COPY see them.

import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** One staged file. */
export interface StagedFile {
  /** Path relative to the stage root, with forward slashes. */
  readonly relPath: string;
  readonly absPath: string;
  readonly size: number;
  readonly modified: Date;
}

/** Files under `root` whose relative path starts with `prefix`, sorted by path. */
export function listStagedFiles(root: string, prefix: string): StagedFile[] {
  if (!existsSync(root)) return [];
  const files: StagedFile[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const relPath = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(abs, relPath);
      else if (entry.isFile() && relPath.startsWith(prefix)) {
        const stat = statSync(abs);
        files.push({ relPath, absPath: abs, size: stat.size, modified: stat.mtime });
      }
    }
  };
  walk(root, "");
  return files.sort((a, b) => a.relPath.localeCompare(b.relPath));
}

/** Files whose whole relative path matches Snowflake PATTERN regex `pattern`. */
export function filterByPattern(
  files: readonly StagedFile[],
  pattern: string | undefined,
): StagedFile[] {
  if (pattern === undefined) return [...files];
  const re = new RegExp(`^(?:${pattern})$`);
  return files.filter((f) => re.test(f.relPath));
}

/** Hex MD5 of a file's content, streamed. */
export async function md5OfFile(absPath: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(absPath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
