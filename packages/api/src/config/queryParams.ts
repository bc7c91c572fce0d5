// Query-string values of the config endpoints read as FastAPI reads them, so a bad one is a 422
// in pydantic's words: a scalar given twice takes the last value; integers are whole numbers
// (limit and offset also non-negative); booleans take pydantic's spellings; datetimes are ISO
// 8601, read as UTC without an offset.
import { z } from "zod";

const lastValue = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : value);

/** An integer query parameter. */
export const queryInt = z.preprocess(
  lastValue,
  z
    .string({ error: "Input should be a valid integer" })
    .regex(/^[+-]?\d+$/, {
      error: "Input should be a valid integer, unable to parse string as an integer",
    })
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), {
      error: `Input should be less than or equal to ${Number.MAX_SAFE_INTEGER}`,
    }),
);

/** limit and offset. */
export const queryNonNegativeInt = queryInt.refine((n) => n >= 0, {
  error: "Input should be greater than or equal to 0",
});

/** A string query parameter. */
export const queryString = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid string" }),
);

/** A repeatable string query parameter (`?dag_ids=a&dag_ids=b`); absent is an empty list. */
export const queryStrings = z.preprocess(
  (value): unknown[] =>
    value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
  z.array(z.string({ error: "Input should be a valid string" })),
);

const TRUE_WORDS = ["true", "1", "yes", "on", "t", "y"];
const FALSE_WORDS = ["false", "0", "no", "off", "f", "n"];

/** A boolean query parameter. */
export const queryBoolean = z
  .preprocess(
    (value) => {
      const last = lastValue(value);
      return typeof last === "string" ? last.toLowerCase() : last;
    },
    z.enum([...TRUE_WORDS, ...FALSE_WORDS], {
      error: "Input should be a valid boolean, unable to interpret input",
    }),
  )
  .transform((word) => TRUE_WORDS.includes(word));

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The instant an ISO 8601 text names (UTC without an offset), or null. */
function parseDateTime(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (match === null) return null;
  const [, day, time, zone] = match;
  // Date holds milliseconds: further digits cannot be stored anyway.
  const clock = (time ?? "00:00:00").replace(/(\.\d{3})\d+$/, "$1");
  const offset =
    zone === undefined ? "Z" : zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${day}T${clock}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A datetime query parameter (`2026-01-02T03:04:05Z`; no offset means UTC). */
export const queryDateTime = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid datetime" }).transform((text, ctx) => {
    const date = parseDateTime(text);
    if (date !== null) return date;
    ctx.addIssue({
      code: "custom",
      message: `Input should be a valid datetime, expected ISO 8601 such as 2026-01-31T06:00:00Z, got ${JSON.stringify(text)}`,
    });
    return z.NEVER;
  }),
);
