// PUT and GET take a file URI and a stage reference that are not SQL tokens (`file:///a/b.csv`,
// `@st/x`), either bare or in single quotes, followed by ordinary `KEY = value` options.

import { SqlError } from "../errors";
import { readOptions } from "../sql/options";
import type { Options } from "../sql/options";
import { tokenize } from "../sql/tokenize";
import { TokenCursor } from "../sql/tokenCursor";

/** The parts of `PUT|GET <a> <b> [options]`. */
export interface TransferCommand {
  readonly first: string;
  readonly second: string;
  readonly options: Options;
}

/** Parses the text of a PUT or GET statement. */
export function parseTransferCommand(text: string): TransferCommand {
  const afterVerb = text.replace(/^\s*\w+\s+/, "");
  const a = readArg(afterVerb);
  const b = readArg(a.rest);
  if (a.value === "" || b.value === "") {
    throw new SqlError(
      "001003",
      `SQL compilation error:\nsyntax error: expected two locations in '${text}'`,
    );
  }
  return {
    first: a.value,
    second: b.value,
    options: readOptions(new TokenCursor(tokenize(b.rest))),
  };
}

function readArg(text: string): { value: string; rest: string } {
  const s = text.trimStart();
  if (s.startsWith("'")) {
    let value = "";
    let i = 1;
    while (i < s.length) {
      const c = s.charAt(i);
      if (c === "'" && s.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
      } else if (c === "'") {
        return { value, rest: s.slice(i + 1) };
      } else {
        value += c;
        i += 1;
      }
    }
    throw new SqlError("001003", "SQL compilation error:\nunterminated string literal");
  }
  const end = s.search(/\s/);
  return end === -1 ? { value: s, rest: "" } : { value: s.slice(0, end), rest: s.slice(end) };
}

/** The local path of a `file://` URI (`file:///tmp/a.csv` → `/tmp/a.csv`). */
export function localPathOf(uri: string): string {
  if (!/^file:\/\//i.test(uri)) {
    throw new SqlError("001003", `SQL compilation error:\nexpected a file:// URI, got '${uri}'`);
  }
  return uri.slice("file://".length);
}
