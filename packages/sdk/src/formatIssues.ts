// One line per schema issue (zod's, or any with a path and a message), naming the path, the
// expected form and the value received, as the house error model asks
// (`mapIndex: expected an integer >= -1, got -2`).

/** What formatIssues needs of an issue (a zod issue has it). */
export interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

// The value at an unknown key's path is the whole parent object: the message says it all.
const WITHOUT_VALUE: readonly string[] = ["unrecognized_keys"];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string | undefined;
  try {
    text = JSON.stringify(value); // undefined for functions and symbols
  } catch {
    text = undefined; // bigints, cycles
  }
  text ??= `a ${typeof value}`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Joins a zod path as `a.b[2].c`, prefixed by `root` when given. */
export function formatPath(path: readonly PropertyKey[], root = ""): string {
  let text = root;
  for (const key of path) {
    text += typeof key === "number" ? `[${key}]` : `${text === "" ? "" : "."}${String(key)}`;
  }
  return text === "" ? "(root)" : text;
}

/**
 * Formats each issue as `path: message, got value`, with paths under `root`; issues whose code is
 * in `withoutValue` (say, checks that word their own message) get no `, got …`.
 */
export function formatIssues(
  input: unknown,
  issues: readonly SchemaIssue[],
  root = "",
  withoutValue: readonly string[] = WITHOUT_VALUE,
): string[] {
  return issues.map((issue) => {
    const got =
      issue.code !== undefined && withoutValue.includes(issue.code)
        ? ""
        : `, got ${describeValue(valueAt(input, issue.path))}`;
    return `${formatPath(issue.path, root)}: ${issue.message}${got}`;
  });
}
