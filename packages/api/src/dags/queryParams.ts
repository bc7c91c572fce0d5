// Query-string values read as FastAPI reads them, so a bad one is a 422 in pydantic's words: a
// scalar parameter given twice takes the last value, booleans accept pydantic's spellings
// (true/false, 1/0, yes/no, on/off, t/f, y/n), integers are whole numbers (limit and offset
// also non-negative, and small enough for the database's bigint).
import { z } from "zod";

const lastValue = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : value);

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

/** An integer query parameter. */
export const queryInt = z.preprocess(
  lastValue,
  z
    .string({ error: "Input should be a valid integer" })
    .regex(/^-?\d+$/, {
      error: "Input should be a valid integer, unable to parse string as an integer",
    })
    .transform(Number),
);

/** A non-negative integer query parameter (limit, offset). */
export const queryNonNegativeInt = queryInt
  .refine((n) => n >= 0, { error: "Input should be greater than or equal to 0" })
  .refine((n) => n <= Number.MAX_SAFE_INTEGER, {
    error: `Input should be less than or equal to ${Number.MAX_SAFE_INTEGER}`,
  });

/** A string query parameter. */
export const queryString = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid string" }),
);

/** A repeatable string query parameter (`?tags=a&tags=b`); absent is an empty list. */
export const queryStrings = z.preprocess(
  (value): unknown[] =>
    value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value],
  z.array(z.string({ error: "Input should be a valid string" })),
);

/** A query parameter taking one of `values`, refused with pydantic's enum message. */
export function queryEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `'${v}'`);
  const listed =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
  return z.preprocess(lastValue, z.enum(values, { error: `Input should be ${listed}` }));
}
