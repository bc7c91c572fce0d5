// Password hashing: scrypt with Updraft's parameters and a fresh salt per hash, verified in
// constant time; malformed or tampered stored values verify as false without being computed.
import { randomBytes, scryptSync } from "node:crypto";
import { hashPassword, verifyPassword } from "../src/auth/passwordHash";

describe("password hashes", () => {
  test("a hash is scrypt$16384$8$1$<16-byte salt>$<64-byte hash> and verifies its password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const [scheme, n, r, p, salt, hash] = stored.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "16384", "8", "1"]);
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(hash!, "base64")).toHaveLength(64);
    expect(stored).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery staple", stored)).resolves.toBe(true);
  });

  test.each([
    ["a wrong password", "correct horse battery stapler"],
    ["the empty password", ""],
    ["a differently cased password", "Correct horse battery staple"],
  ])("%s does not verify", async (_what, attempt) => {
    const stored = await hashPassword("correct horse battery staple");
    await expect(verifyPassword(attempt, stored)).resolves.toBe(false);
  });

  test("the salt differs per hash, so two users with one password have different hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    expect(a.split("$")[4]).not.toBe(b.split("$")[4]);
    await expect(verifyPassword("same", a)).resolves.toBe(true);
    await expect(verifyPassword("same", b)).resolves.toBe(true);
  });

  test("non-ASCII passwords round-trip", async () => {
    const stored = await hashPassword("pässwörd-密码-🔑");
    await expect(verifyPassword("pässwörd-密码-🔑", stored)).resolves.toBe(true);
    await expect(verifyPassword("passwörd-密码-🔑", stored)).resolves.toBe(false);
  });

  test("a hash made with other (bounded) parameters still verifies: they are read from it", async () => {
    const salt = randomBytes(16);
    const hash = scryptSync("older", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString("base64")}$${hash.toString("base64")}`;
    await expect(verifyPassword("older", stored)).resolves.toBe(true);
  });

  const salt = randomBytes(16).toString("base64");
  const hash = randomBytes(64).toString("base64");
  test.each([
    ["not scrypt", `bcrypt$16384$8$1$${salt}$${hash}`],
    ["too few fields", `scrypt$16384$8$1$${salt}`],
    ["too many fields", `scrypt$16384$8$1$${salt}$${hash}$x`],
    ["N not a power of two", `scrypt$10000$8$1$${salt}$${hash}`],
    ["N beyond the bound (would burn memory)", `scrypt$1073741824$8$1$${salt}$${hash}`],
    ["r beyond the bound", `scrypt$16384$1000$1$${salt}$${hash}`],
    ["p beyond the bound", `scrypt$16384$8$1000$${salt}$${hash}`],
    ["a salt that is not base64", `scrypt$16384$8$1$!!!$${hash}`],
    ["an empty hash", `scrypt$16384$8$1$${salt}$`],
    ["the empty string", ""],
  ])("a stored value with %s verifies as false", async (_what, stored) => {
    await expect(verifyPassword("anything", stored)).resolves.toBe(false);
  });
});
