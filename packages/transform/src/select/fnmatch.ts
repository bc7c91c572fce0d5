// Unix-style wildcards as dbt uses them: Python's fnmatch (`*`, `?`, `[abc]`, `[!a-z]`; case
// sensitive, `*` crossing dots) for names and tags, and pathlib's glob segment rules for paths.

const compiled = new Map<string, RegExp>();

/** Python's fnmatch.fnmatchcase: does the whole of `name` match `pattern`? */
export function fnmatch(name: string, pattern: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^(?:${translate(pattern)})$`, "s");
    compiled.set(pattern, regex);
  }
  return regex.test(name);
}

/** True if the pattern has a wildcard, the test dbt uses to switch from equality to fnmatch. */
export function hasWildcard(pattern: string): boolean {
  return /[*?[\]]/.test(pattern);
}

/**
 * pathlib's glob applied to one known path: `/`-separated segments matched one by one, `**`
 * standing for any number of folders. dbt globs the file system; here the known paths stand in
 * for it, which finds the same nodes because only files that hold nodes can select any.
 */
export function pathMatchesGlob(path: string, pattern: string): boolean {
  return matchSegments(path.split("/"), pattern.split("/"), 0, 0);
}

function matchSegments(
  segments: readonly string[],
  patterns: readonly string[],
  s: number,
  p: number,
): boolean {
  const pattern = patterns[p];
  if (pattern === undefined) return s === segments.length;
  if (pattern === "**") {
    return (
      matchSegments(segments, patterns, s, p + 1) ||
      (s < segments.length && matchSegments(segments, patterns, s + 1, p))
    );
  }
  const segment = segments[s];
  return (
    segment !== undefined &&
    fnmatch(segment, pattern) &&
    matchSegments(segments, patterns, s + 1, p + 1)
  );
}

/** Python's fnmatch.translate, for JavaScript's regex syntax. */
function translate(pattern: string): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    i += 1;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = classEnd(pattern, i);
      if (end === -1) out += "\\[";
      else {
        out += bracketClass(pattern.slice(i, end));
        i = end + 1;
      }
    } else out += escapeRegex(c);
  }
  return out;
}

/** Index of the `]` closing a class opened just before `start`, or -1 if none (a literal `[`). */
function classEnd(pattern: string, start: number): number {
  let j = start;
  if (pattern.charAt(j) === "!") j += 1;
  // A `]` first in the class is a member, not the end, as in Python.
  if (pattern.charAt(j) === "]") j += 1;
  const end = pattern.indexOf("]", j);
  return end;
}

function bracketClass(body: string): string {
  const negated = body.startsWith("!");
  const members = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, (m) => `\\${m}`);
  // Ranges such as a-z keep their meaning: "-" is left alone.
  return `[${negated ? "^" : ""}${members}]`;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
