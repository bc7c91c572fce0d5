// Redacts secrets from everything a try writes (log lines, rendered fields), as Airflow's
// secrets masker does: connection passwords, and values of variables with sensitive names
// (isSensitiveName, from the SDK: the same rule the API's responses follow).
import { isSensitiveName, SENSITIVE_NAMES } from "@updraft/sdk";

export { isSensitiveName, SENSITIVE_NAMES };

/** Airflow's `[logging] min_length_masked_secret`: shorter values would garble every line. */
const MIN_SECRET_LENGTH = 5;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every known secret by `***`. */
export class SecretMasker {
  readonly #secrets = new Set<string>();
  #pattern: RegExp | null = null;

  /** Adds a secret (and its URL-encoded form); short or empty values are ignored. */
  add(secret: string | null | undefined): void {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) return;
    const before = this.#secrets.size;
    this.#secrets.add(secret);
    this.#secrets.add(encodeURIComponent(secret));
    if (this.#secrets.size !== before) this.#pattern = null;
  }

  /** `text` with every secret replaced by `***`. */
  mask(text: string): string {
    if (this.#secrets.size === 0) return text;
    // Longest first, so a secret containing another is replaced whole.
    this.#pattern ??= new RegExp(
      [...this.#secrets]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join("|"),
      "g",
    );
    return text.replace(this.#pattern, "***");
  }

  /** A deep copy of a JSON-like value with every string masked. */
  maskValue(value: unknown): unknown {
    if (typeof value === "string") return this.mask(value);
    if (Array.isArray(value)) return value.map((v) => this.maskValue(v));
    if (
      typeof value === "object" &&
      value !== null &&
      Object.prototype.toString.call(value) !== "[object Date]"
    )
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.maskValue(v)]));
    return value;
  }
}
