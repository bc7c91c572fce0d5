// Python's printf-style `%` formatting, behind Jinja's `format` filter (`"%s_%s" | format(a, b)`,
// `"%(name)s" | format(name=…)`). nunjucks has no `%` on strings: `'%s' % x` gives NaN.
import { pythonRepr, pythonText } from "./pythonValues";

// %[(name)][flags][width][.precision]conversion; an empty conversion is a dangling `%`.
const SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\d+)?(?:\.(\d+))?(.?)/gs;

interface Spec {
  flags: string;
  width: number;
  precision: number | undefined;
  conversion: string;
}

function pythonType(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return "list";
  return typeof value === "object" ? "dict" : typeof value;
}

function toNumber(value: unknown, conversion: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new Error(`%${conversion} format: a real number is required, not ${pythonType(value)}`);
}

/** Python writes at least two exponent digits: `1.5e+00`, JS `1.5e+0`. */
function exponential(value: number, precision: number): string {
  return value.toExponential(precision).replace(/e([+-])(\d)$/, "e$10$2");
}

function formatNumber(value: number, spec: Spec): string {
  const { conversion, flags } = spec;
  const magnitude = Math.abs(value);
  let digits: string;
  switch (conversion) {
    case "d":
    case "i":
      digits = String(Math.trunc(magnitude));
      break;
    case "f":
    case "F":
      digits = magnitude.toFixed(spec.precision ?? 6);
      break;
    case "e":
    case "E":
      digits = exponential(magnitude, spec.precision ?? 6);
      break;
    default:
      digits = Math.trunc(magnitude).toString(16);
      if (flags.includes("#")) digits = `0x${digits}`;
  }
  if (conversion === conversion.toUpperCase()) digits = digits.toUpperCase();
  const sign = value < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
  if (flags.includes("0") && !flags.includes("-"))
    return sign + digits.padStart(spec.width - sign.length, "0");
  return sign + digits;
}

function convert(value: unknown, spec: Spec): string {
  switch (spec.conversion) {
    case "s":
      return pythonText(value);
    case "r":
      return pythonRepr(value);
    case "d":
    case "i":
    case "f":
    case "F":
    case "e":
    case "E":
    case "x":
    case "X":
      return formatNumber(toNumber(value, spec.conversion), spec);
    case "":
      throw new Error("format: incomplete format (a `%` ends the string; write `%%`)");
    default:
      throw new Error(
        `format: unsupported format character '${spec.conversion}' (supported: s r d i f F e E x X %)`,
      );
  }
}

/**
 * `format % args` as Python computes it, for the conversions dbt SQL uses: `s r d i f F e E x X`
 * and `%%`, with flags `-+ #0`, width and precision. `args` is either the positional values or
 * the mapping that `%(name)s` reads. Mismatches raise Python's messages.
 */
export function percentFormat(
  format: string,
  args: readonly unknown[] | Readonly<Record<string, unknown>>,
): string {
  let next = 0;
  const take = (name: string | undefined): unknown => {
    if (name !== undefined) {
      if (Array.isArray(args)) throw new Error("format: `%(name)s` needs keyword arguments");
      const mapping = args as Readonly<Record<string, unknown>>;
      if (!Object.hasOwn(mapping, name)) throw new Error(`format: KeyError '${name}'`);
      return mapping[name];
    }
    if (!Array.isArray(args)) throw new Error("format: positional `%s` needs positional arguments");
    if (next >= args.length) throw new Error("format: not enough arguments for format string");
    return args[next++];
  };
  const text = format.replace(
    SPEC,
    (_all, name: string | undefined, flags: string, width: string | undefined, precision, conv) => {
      if (conv === "%") return "%";
      const spec: Spec = {
        flags,
        width: width === undefined ? 0 : Number(width),
        precision: precision === undefined ? undefined : Number(precision as string),
        conversion: conv as string,
      };
      const out = convert(take(name), spec);
      return flags.includes("-") ? out.padEnd(spec.width) : out.padStart(spec.width);
    },
  );
  if (Array.isArray(args) && next < args.length)
    throw new Error("format: not all arguments converted during string formatting");
  return text;
}
