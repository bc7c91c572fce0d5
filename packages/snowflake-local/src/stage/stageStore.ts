// Stages as directories under dataDir/stages: named stages per database and schema, table
// stages (`@%t`) beside them, user stages (`@~`) per user. The driver writes into these
// directories itself (LOCAL_FS), so a stage is nothing more than its directory.

import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { CreateMode, CreateOutcome } from "../catalog/databaseCatalog";
import { SqlError } from "../errors";
import type { ObjectName } from "../sql/names";
import { displayObjectName, resolveObjectName } from "../sql/names";
import type { Options } from "../sql/options";
import type { SessionFacts } from "../sql/sessionFacts";
import type { StageRef } from "./stageRef";

/** Where a stage reference points on disk. */
export interface StageLocation {
  /** The stage's directory. */
  readonly root: string;
  /** The path under the stage the reference names ("" for the whole stage). */
  readonly path: string;
  /** What LIST and COPY print before a file's path: "mystage/" for named stages, else "". */
  readonly label: string;
  /** The stage's FILE_FORMAT options from CREATE STAGE, if any. */
  readonly fileFormat: Options | undefined;
}

/** The stages of one server. */
export class StageStore {
  private readonly formats = new Map<string, Options>();

  constructor(private readonly directory: string) {}

  /** CREATE STAGE: makes the directory (emptied for OR REPLACE). Returns the directory too. */
  create(
    name: ObjectName,
    mode: CreateMode,
    fileFormat: Options | undefined,
  ): { outcome: CreateOutcome; root: string } {
    const root = this.namedRoot(name);
    if (existsSync(root)) {
      if (mode.ifNotExists) return { outcome: "exists", root };
      if (!mode.orReplace) {
        throw new SqlError(
          "002002",
          `SQL compilation error:\nObject '${name.name}' already exists.`,
        );
      }
      rmSync(root, { recursive: true, force: true });
    }
    mkdirSync(root, { recursive: true });
    if (fileFormat === undefined) this.formats.delete(root);
    else this.formats.set(root, fileFormat);
    return { outcome: "created", root };
  }

  /** DROP STAGE; false when it did not exist. */
  drop(name: ObjectName): boolean {
    const root = this.namedRoot(name);
    if (!existsSync(root)) return false;
    rmSync(root, { recursive: true, force: true });
    this.formats.delete(root);
    return true;
  }

  /** The directory a reference names; a named stage must exist. */
  resolve(ref: StageRef, facts: SessionFacts): StageLocation {
    if (ref.kind === "user") {
      const root = path.join(this.directory, "~", encodeURIComponent(facts.user));
      return { root, path: ref.path, label: "", fileFormat: undefined };
    }
    const name = qualify(resolveObjectName(ref.nameParts, facts));
    if (ref.kind === "table") {
      const root = path.join(this.schemaDir(name), `%${encodeURIComponent(name.name)}`);
      return { root, path: ref.path, label: "", fileFormat: undefined };
    }
    const root = this.namedRoot(name);
    if (!existsSync(root)) {
      throw new SqlError(
        "002003",
        `SQL compilation error:\nStage '${displayObjectName(name)}' does not exist or not authorized.`,
        { sqlState: "02000" },
      );
    }
    return {
      root,
      path: ref.path,
      label: `${name.name.toLowerCase()}/`,
      fileFormat: this.formats.get(root),
    };
  }

  /** The directory of named stage `name`, which needs a database and schema. */
  namedRoot(name: ObjectName): string {
    const q = qualify(name);
    return path.join(this.schemaDir(q), encodeURIComponent(q.name));
  }

  private schemaDir(name: ObjectName): string {
    return path.join(
      this.directory,
      encodeURIComponent(name.database ?? ""),
      encodeURIComponent(name.schema ?? ""),
    );
  }
}

function qualify(name: ObjectName): ObjectName {
  if (name.database === null || name.schema === null) {
    throw new SqlError(
      "090105",
      "Cannot perform operation. This session does not have a current database or schema. Call 'USE DATABASE', or use a qualified name.",
    );
  }
  return name;
}
