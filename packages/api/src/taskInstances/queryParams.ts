// Query-string values of the task instance, log and XCom endpoints, read as FastAPI reads them:
// a scalar given twice takes the last value, a repeatable one collects every value, booleans take
// pydantic's spellings, and a value of the wrong type is a 422 in pydantic's words.
import { z } from "zod";

const lastValue = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : value);
const allValues = (value: unknown): unknown =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const TRUE_WORDS = ["true", "1", "yes", "on", "t", "y"];
const FALSE_WORDS = ["false", "0", "no", "off", "f", "n"];

const INT_ERROR = "Input should be a valid integer, unable to parse string as an integer";

/** An integer, as text (a path segment or one query value). */
export const intText = z
  .string({ error: "Input should be a valid integer" })
  .regex(/^[+-]?\d+$/, { error: INT_ERROR })
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

/** An integer query parameter of at least `min`. */
export const queryIntAtLeast = (min: number) =>
  queryInt.refine((n) => n >= min, { error: `Input should be greater than or equal to ${min}` });

/** A repeatable integer query parameter; absent is an empty list. */
export const queryInts = z.preprocess(allValues, z.array(intText));

/** A string query parameter. */
export const queryString = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid string" }),
);

/** A repeatable string query parameter (`?pool=a&pool=b`); absent is an empty list. */
export const queryStrings = z.preprocess(
  allValues,
  z.array(z.string({ error: "Input should be a valid string" })),
);

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

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const fraction = (digits: string | undefined): string =>
  digits === undefined ? "" : `.${digits.slice(0, 3).padEnd(3, "0")}`;
const offset = (text: string | undefined): string =>
  text === undefined || text.toUpperCase() === "Z"
    ? "Z"
    : text.includes(":")
      ? text
      : `${text.slice(0, 3)}:${text.slice(3)}`;

/** An ISO 8601 datetime query parameter; one without an offset is taken as UTC. */
export const queryDateTime = z.preprocess(
  lastValue,
  z.string({ error: "Input should be a valid datetime" }).transform((text, ctx) => {
    const match = DATE_TIME.exec(text.trim());
    const parsed =
      match === null
        ? Number.NaN
        : Date.parse(`${match[1]}T${match[2] ?? "00:00"}${fraction(match[3])}${offset(match[4])}`);
    if (Number.isNaN(parsed)) {
      ctx.addIssue({
        code: "custom",
        message: "Input should be a valid datetime, invalid datetime format",
      });
      return z.NEVER;
    }
    return new Date(parsed);
  }),
);
