// Loads a TypeScript file and what it imports, at run time and without a build step (as Airflow
// imports .py files). `@updraft/sdk`, `@updraft/notify`, `@updraft/providers` and
// `@updraft/transform` resolve to this process's own packages, so DAG objects are the ones the
// loader inspects and notifiers, hooks and dbt-style projects work, wherever the DAGs folder lives.
import { readFileSync, statSync } from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import * as notify from "@updraft/notify";
import * as providers from "@updraft/providers";
import * as sdk from "@updraft/sdk";
import * as transform from "@updraft/transform";
import { transpile } from "./transpile";

const SHARED_MODULES: Readonly<Record<string, unknown>> = {
  "@updraft/sdk": sdk,
  "@updraft/notify": notify,
  "@updraft/providers": providers,
  "@updraft/transform": transform,
};
const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];
const CANDIDATES = ["", ".ts", ".tsx", ".js", ".json", "/index.ts", "/index.js"];

interface LoadedModule {
  exports: unknown;
}

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  // `import "./x.js"` may name the .ts source, as TypeScript's node16 resolution allows.
  const stem = base.endsWith(".js") ? base.slice(0, -3) : null;
  for (const candidate of [
    ...CANDIDATES.map((ext) => base + ext),
    ...(stem ? [`${stem}.ts`, `${stem}.tsx`] : []),
  ])
    if (isFile(candidate)) return candidate;
  throw new Error(`Cannot find module '${specifier}' imported from ${fromFile}`);
}

/**
 * A module system for one load: each file is evaluated once per ModuleLoader, so loading a
 * DAGs folder again with a new loader picks up edited files.
 */
export class ModuleLoader {
  private readonly cache = new Map<string, LoadedModule>();

  /** Evaluates `file` (TypeScript or JavaScript) and returns its exports. */
  load(file: string): unknown {
    const filename = path.resolve(file);
    const cached = this.cache.get(filename);
    if (cached) return cached.exports;
    if (!SOURCE_EXTENSIONS.includes(path.extname(filename)))
      return createRequire(filename)(filename) as unknown;
    const code = transpile(readFileSync(filename, "utf8"), filename);
    const module: LoadedModule = { exports: {} };
    this.cache.set(filename, module);
    try {
      const wrapper = vm.runInThisContext(Module.wrap(code), { filename }) as (
        exports: unknown,
        require: (id: string) => unknown,
        module: LoadedModule,
        filename: string,
        dirname: string,
      ) => void;
      wrapper.call(
        module.exports,
        module.exports,
        this.requireFrom(filename),
        module,
        filename,
        path.dirname(filename),
      );
    } catch (error) {
      this.cache.delete(filename);
      throw error;
    }
    return module.exports;
  }

  private requireFrom(filename: string): (specifier: string) => unknown {
    const nodeRequire = createRequire(filename);
    return (specifier: string) => {
      if (Object.hasOwn(SHARED_MODULES, specifier)) return SHARED_MODULES[specifier];
      if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
        const resolved = resolveRelative(filename, specifier);
        return SOURCE_EXTENSIONS.includes(path.extname(resolved))
          ? this.load(resolved)
          : (nodeRequire(resolved) as unknown);
      }
      return nodeRequire(specifier) as unknown;
    };
  }
}
