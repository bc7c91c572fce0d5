// Every response body a test file saw, kept so that a last test can show none of them carried a
// secret (a stored password, a sensitive variable's value, a secret inside an extra or a JSON
// value).
export interface ResponseLog {
  /** Keeps the body of `res`, and returns `res`. */
  readonly keep: <T extends { text: string }>(res: T) => T;
  /** How many bodies were kept. */
  readonly size: () => number;
  /** Fails unless no kept body contains any of `secrets`. */
  readonly expectNoSecrets: (secrets: readonly string[]) => void;
}

/** An empty log of response bodies. */
export function responseLog(): ResponseLog {
  const seen: string[] = [];
  return {
    keep: (res) => {
      seen.push(res.text);
      return res;
    },
    size: () => seen.length,
    expectNoSecrets: (secrets) => {
      const all = seen.join("\n");
      for (const secret of secrets) expect(all).not.toContain(secret);
    },
  };
}
