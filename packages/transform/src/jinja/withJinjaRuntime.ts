// Jinja semantics patched into nunjucks' module-wide runtime for the length of one synchronous
// render, then restored: the SDK's templating (and any other nunjucks user) shares the module.
import nunjucks from "nunjucks";
import { pythonStr } from "./pythonValues";

/** The parts of nunjucks' runtime that the window patches (not in @types/nunjucks). */
interface NunjucksRuntime {
  suppressValue: (value: unknown, autoescape: boolean) => unknown;
  memberLookup: (obj: unknown, key: unknown, ...slice: unknown[]) => unknown;
}

interface FilterCompiler {
  compileFilter: (
    this: FilterCompiler,
    node: { lineno: number; colno: number },
    frame: unknown,
  ) => void;
  _emit: (code: string) => void;
  compileSlice?: unknown;
}

const nj = nunjucks as unknown as {
  runtime: NunjucksRuntime;
  compiler: { Compiler: { prototype: FilterCompiler } };
  installJinjaCompat(): () => void;
};
const runtime = nj.runtime;
const compiler = nj.compiler.Compiler.prototype;
const compileFilter = compiler.compileFilter;

/**
 * nunjucks records the current line only at function calls, so an unknown filter, or one that
 * throws, would be reported at the line of an earlier call; filters record it too.
 */
function compileFilterWithLine(
  this: FilterCompiler,
  node: { lineno: number; colno: number },
  frame: unknown,
): void {
  this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
  compileFilter.call(this, node, frame);
  this._emit(")");
}

/** Compat slices a string into a list of characters; Python gives a string (`'abc'[:2]`). */
function sliceStrings(original: NunjucksRuntime["memberLookup"]): NunjucksRuntime["memberLookup"] {
  return (obj, key, ...slice) => {
    const value = original(obj, key, ...slice);
    return slice.length === 2 && typeof obj === "string" && Array.isArray(value)
      ? value.join("")
      : value;
  };
}

let depth = 0;

/**
 * Runs `render` (which must compile and render synchronously) with:
 * - nunjucks' Jinja compat: True/False/None, dict `.items()`/`.get()`, list `.append()`, slices;
 * - Python printing: `{{ }}` writes True/False/None and lists/dicts as Python's repr;
 * - string slices that give strings, and filter errors that name their line.
 * Nested calls (a context function that renders) reuse the open window.
 */
export function withJinjaRuntime<T>(render: () => T): T {
  if (depth > 0) return render();
  // Compat's uninstall leaves the compileSlice it added to the compiler behind.
  const hadCompileSlice = Object.hasOwn(compiler, "compileSlice");
  const compileSlice = compiler.compileSlice;
  const uninstallCompat = nj.installJinjaCompat();
  const saved = { suppressValue: runtime.suppressValue, memberLookup: runtime.memberLookup };
  runtime.suppressValue = (value, autoescape) => saved.suppressValue(pythonStr(value), autoescape);
  runtime.memberLookup = sliceStrings(saved.memberLookup);
  compiler.compileFilter = compileFilterWithLine;
  depth = 1;
  try {
    return render();
  } finally {
    depth = 0;
    compiler.compileFilter = compileFilter;
    runtime.memberLookup = saved.memberLookup;
    runtime.suppressValue = saved.suppressValue;
    uninstallCompat();
    if (hadCompileSlice) compiler.compileSlice = compileSlice;
    else delete compiler.compileSlice;
  }
}
