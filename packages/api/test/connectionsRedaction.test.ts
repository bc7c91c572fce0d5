// The masking rules the connection, variable and asset responses share, one row per case of
// Airflow's secrets masker: what redaction hides, and how a value sent back masked gets its
// secrets back (which names are sensitive: packages/sdk/test/sensitiveNames.test.ts).
import { redactJsonText, redactSecrets } from "../src/config/redactSecrets";
import { restoreRedacted, restoreRedactedJsonText } from "../src/config/restoreRedacted";

describe("redactSecrets", () => {
  test.each([
    ["a flat object", { user: "u", password: "p" }, { user: "u", password: "***" }],
    [
      "a nested sensitive key",
      { auth: { header: "h", token: "t" }, n: 1 },
      { auth: { header: "h", token: "***" }, n: 1 },
    ],
    [
      "everything under a sensitive key, numbers too",
      { secret: { a: "x", b: [1, "y"], c: null, d: true } },
      { secret: { a: "***", b: ["***", "***"], c: null, d: "***" } },
    ],
    ["objects inside arrays", [{ api_key: "k" }, "plain"], [{ api_key: "***" }, "plain"]],
    ["nothing sensitive", { a: [1, { b: "c" }] }, { a: [1, { b: "c" }] }],
  ])("%s", (_, value, expected) => {
    expect(redactSecrets(value)).toEqual(expected);
  });

  test("a sensitive name hides the whole value", () => {
    expect(redactSecrets("s3cret", "my_password")).toBe("***");
    expect(redactSecrets("visible", "region")).toBe("visible");
  });

  test("JSON text is re-serialised only when something was hidden; other text is kept", () => {
    expect(redactJsonText('{ "a": 1 }')).toBe('{ "a": 1 }');
    expect(redactJsonText('{"a": 1, "token": "t"}')).toBe('{"a":1,"token":"***"}');
    expect(redactJsonText("not json password=x")).toBe("not json password=x");
  });
});

describe("restoreRedacted", () => {
  test.each([
    [
      "*** under a sensitive key takes the stored value",
      { password: "***", host: "h2" },
      { password: "p", host: "h" },
      { password: "p", host: "h2" },
    ],
    ["a changed secret wins", { password: "new" }, { password: "old" }, { password: "new" }],
    [
      "*** under a key that is not sensitive stays ***",
      { note: "***" },
      { note: "real" },
      { note: "***" },
    ],
    [
      "nested, inside a sensitive subtree, and in arrays",
      { secret: { a: "***", b: ["***", "z"] }, list: [{ token: "***" }] },
      { secret: { a: "A", b: ["B", "C"] }, list: [{ token: "T" }] },
      { secret: { a: "A", b: ["B", "z"] }, list: [{ token: "T" }] },
    ],
    ["a key the stored value lacks is kept as sent", { api_key: "***" }, {}, { api_key: "***" }],
  ])("%s", (_, sent, stored, expected) => {
    expect(restoreRedacted(sent, stored)).toEqual(expected);
  });

  test("JSON texts: restored when both parse, the sent text otherwise", () => {
    expect(restoreRedactedJsonText('{"token":"***"}', '{"token":"t"}')).toBe('{"token":"t"}');
    expect(restoreRedactedJsonText('{ "a": 2 }', '{"a":1}')).toBe('{ "a": 2 }');
    expect(restoreRedactedJsonText('{"token":"***"}', "not json")).toBe('{"token":"***"}');
    expect(restoreRedactedJsonText('{"token":"***"}', null)).toBe('{"token":"***"}');
  });
});
