// The secrets masker: sensitive variable names, and replacement in lines and values.
import { isSensitiveName, SecretMasker } from "../src";

test.each([
  ["api_key", true],
  ["MY_PASSWORD", true],
  ["slack_token", true],
  ["gcp_keyfile_dict", true],
  ["region", false],
  ["x", false],
])("isSensitiveName(%s) is %s", (key, expected) => {
  expect(isSensitiveName(key)).toBe(expected);
});

test("masks every secret, its URL-encoded form, longest first, and skips short values", () => {
  const masker = new SecretMasker();
  masker.add("hunter22");
  masker.add("hunter22-extended");
  masker.add("p@ss word");
  masker.add("abc");
  expect(masker.mask("a hunter22-extended b hunter22 c p%40ss%20word d abc")).toBe(
    "a *** b *** c *** d abc",
  );
  expect(masker.maskValue({ cmd: ["echo hunter22"], n: 1 })).toEqual({ cmd: ["echo ***"], n: 1 });
});
