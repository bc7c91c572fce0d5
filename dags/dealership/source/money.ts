// Money as integer centavos: `numeric(10,2)` values travel as strings ("244468.26") and every
// computation on them is exact, so a 5 % bound is never missed by a float's last digit.
import { SourceOptionError } from "./sourceOptionError";

/** "250000.00" (or "250000") → 25000000 centavos. */
export function toCents(valor: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(valor);
  if (match === null)
    throw new SourceOptionError(
      `valor: expected an amount such as 250000.00, got ${JSON.stringify(valor)}`,
    );
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/** 24446826 centavos → "244468.26". */
export function formatCents(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents - whole * 100).padStart(2, "0")}`;
}

/** ⌊a / b⌋ for non-negative safe integers, exact (a float quotient can land on the wrong side). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}

/** ⌈a / b⌉ for non-negative safe integers, exact. */
export function ceilDiv(a: number, b: number): number {
  return floorDiv(a + b - 1, b);
}
