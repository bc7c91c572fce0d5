// Named file formats (CREATE FILE FORMAT), kept in memory by fully qualified name.

import type { ObjectName } from "../sql/names";
import { displayObjectName } from "../sql/names";
import type { Options } from "../sql/options";

/** The file formats of one server. */
export class FileFormatStore {
  private readonly formats = new Map<string, Options>();

  /** Defines (or replaces) a named format. Returns false when it existed and was kept. */
  define(name: ObjectName, options: Options, replace: boolean): boolean {
    const key = displayObjectName(name);
    if (this.formats.has(key) && !replace) return false;
    this.formats.set(key, options);
    return true;
  }

  /** The options of format `name`. */
  get(name: ObjectName): Options | undefined {
    return this.formats.get(displayObjectName(name));
  }

  /** Removes a named format; false when it did not exist. */
  drop(name: ObjectName): boolean {
    return this.formats.delete(displayObjectName(name));
  }
}
