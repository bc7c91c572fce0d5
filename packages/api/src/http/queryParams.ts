// Query-string values read as FastAPI reads them, so a bad one is a 422 in pydantic's words: a
// scalar parameter given twice takes the last value, a repeatable one collects every value,
// booleans take pydantic's spellings (true/false, 1/0, yes/no, on/off, t/f, y/n), integers are
// whole numbers with an optional sign, datetimes are ISO 8601 (read as UTC without an offset).
import { z } from "zod";
import { dateTimeInput } from "./dateTimeInput";

const lastValue = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : value);
const allValues = (value: unknown): unknown =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const TRUE_WORDS = ["true", "1", "yes", "on", "t", "y"];
const FALSE_WORDS = ["false", "0", "no", "off", "f", "n"];

/** An integer, as text (a path segment or one query value). */
export const intText = z
  .string({ error: "Input should be a valid integer" })
  .regex(/^[+-]?\d+$/, {
    error: "Input should be a valid integer, unable to parse string as an integer",
  })
  .transform(Number);

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

/** An integer query parameter. */
export const queryInt = z.preprocess(lastValue, intText);

/** An integer query parameter JavaScript holds exactly (beyond ±2^53 is a 422). */
export const querySafeInt = queryInt.refine((n) => Number.isSafeInteger(n), {
  error: `Input should be less than or equal to ${Number.MAX_SAFE_INTEGER}`,
});

/** An integer query parameter of at least `min`. */
export const queryIntAtLeast = (min: number) =>
  queryInt.refine((n) => n >= min, { error: `Input should be greater than or equal to ${min}` });

/** A non-negative integer query parameter small enough for the database's bigint (limit, offset). */
export const queryNonNegativeInt = queryIntAtLeast(0).refine((n) => n <= Number.MAX_SAFE_INTEGER, {
  error: `Input should be less than or equal to ${Number.MAX_SAFE_INTEGER}`,
});

/** A repeatable query parameter, each value checked by `item`; absent is an empty list. */
export const queryList = <T extends z.ZodType>(item: T) => z.preprocess(allValues, z.array(item));

/** A repeatable integer query parameter; absent is an empty list. */
export const queryInts = queryList(intText);

/** A string query parameter. */
export const queryString = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid string" }),
);

/** A repeatable string query parameter (`?tags=a&tags=b`); absent is an empty list. */
export const queryStrings = queryList(z.string({ error: "Input should be a valid string" }));

/** A number query parameter (durations in seconds). */
export const queryNumber = z.preprocess(
  lastValue,
  z
    .string({ error: "Input should be a valid number" })
    .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, {
      error: "Input should be a valid number, unable to parse string as a number",
    })
    .transform(Number),
);

/** A datetime query parameter (`2026-01-02T03:04:05Z`; no offset means UTC). */
export const queryDateTime = z.preprocess(lastValue, dateTimeInput({ aware: false }));

/** A query parameter taking one of `values`, refused with pydantic's enum message. */
export function queryEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `'${v}'`);
  const listed =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
  return z.preprocess(lastValue, z.enum(values, { error: `Input should be ${listed}` }));
}
