// TypeScript → CommonJS for DAG files, with sucrase: types are stripped, nothing is checked,
// and line numbers are preserved so stack traces point at the author's lines.
import { transform } from "sucrase";
import { UpdraftError } from "@updraft/sdk";

/** A DAG file (or a file it imports) failed to compile. */
export class CompileError extends UpdraftError<"DAG_COMPILE_ERROR"> {}

/** Compiles one TypeScript/JavaScript source to CommonJS; throws CompileError with the location. */
export function transpile(source: string, filename: string): string {
  try {
    return transform(source, {
      transforms: filename.endsWith(".tsx")
        ? ["typescript", "imports", "jsx"]
        : ["typescript", "imports"],
      filePath: filename,
      production: true,
      disableESTransforms: true,
    }).code;
  } catch (error) {
    // sucrase prefixes "Error transforming <file>: "; keep one mention of the file.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^Error transforming [^:]+: /,
      "",
    );
    throw new CompileError("DAG_COMPILE_ERROR", `${filename}: ${message}`, { cause: error });
  }
}
