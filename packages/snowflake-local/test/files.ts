// Local files for PUT tests, in a temporary directory per test file.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** A scratch directory removed in afterAll, and a writer for files inside it. */
export function useScratchDir(): {
  write(name: string, content: string, gzip?: boolean): string;
  dir(): string;
} {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sfl-files-"));
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  const current = (): string => {
    if (dir === undefined) throw new Error("scratch dir not created");
    return dir;
  };
  return {
    dir: current,
    write: (name, content, gzip = false) => {
      const file = path.join(current(), name);
      writeFileSync(file, gzip ? gzipSync(content) : content);
      return file;
    },
  };
}
