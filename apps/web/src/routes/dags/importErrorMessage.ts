// The message of an import error's stack trace, for the banner's one line per file: a
// JavaScript stack's lines before its first "    at …" frame ("SyntaxError: Unexpected token"),
// or a Python traceback's last line (what Airflow shows first).
export function importErrorMessage(stackTrace: string): string {
  const lines = stackTrace.split("\n");
  const firstFrame = lines.findIndex((line) => /^\s+at\s/.test(line));
  const head = (firstFrame === -1 ? [] : lines.slice(0, firstFrame))
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (head.length > 0) return head.join(" ");
  const last = lines.map((line) => line.trim()).filter((line) => line !== "");
  return last.at(-1) ?? "The file could not be loaded.";
}
