// Creating users: addUser's checks (each message names the field, what was expected and the
// value, never the password), the table's own checks behind it, and ensureAdminUser — the
// standalone start's generated Admin, created once.
import { createUser, deleteUser, getUserCredentials, listUsers } from "@updraft/store";
import request from "supertest";
import { addUser, ApiError, ensureAdminUser, type NewUser } from "../src";
import { verifyPassword } from "../src/auth/passwordHash";
import { useApi } from "./support/apiTest";

const api = useApi();

describe("addUser", () => {
  test("stores the fields and only a hash of the password", async () => {
    const user = await addUser(api().client, {
      username: "grace.hopper@navy-1",
      role: "User",
      password: "cobol",
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@example.com",
    });
    expect(user).toMatchObject({
      username: "grace.hopper@navy-1",
      role: "User",
      firstName: "Grace",
      lastName: "Hopper",
      email: "grace@example.com",
      active: true,
      lastLogin: null,
    });
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(user)).not.toMatch(/scrypt|cobol/);
    const stored = await getUserCredentials(api().client, { username: "grace.hopper@navy-1" });
    expect(stored?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword("cobol", stored!.passwordHash)).resolves.toBe(true);
  });

  test("empty names and email are stored as null", async () => {
    const user = await addUser(api().client, {
      username: "blank",
      role: "Viewer",
      password: "p",
      firstName: "",
      email: "",
    });
    expect([user.firstName, user.lastName, user.email]).toEqual([null, null, null]);
  });

  const base: NewUser = { username: "valid", role: "Viewer", password: "p" };
  test.each<[string, Partial<NewUser>, string]>([
    [
      "an empty username",
      { username: "" },
      'username: expected 1 to 64 letters, digits or . _ @ -, got ""',
    ],
    ["a space in the username", { username: "a b" }, 'got "a b"'],
    ["SQL in the username", { username: "a'; drop table ab_user; --" }, "username: expected"],
    ["a 65-character username", { username: "u".repeat(65) }, "username: expected 1 to 64"],
    [
      "an unknown role",
      { role: "Superuser" as NewUser["role"] },
      'role: expected one of Viewer, User, Op, Admin, got "Superuser"',
    ],
    ["a lowercase role", { role: "admin" as NewUser["role"] }, "role: expected one of"],
    ["an empty password", { password: "" }, "password: expected a non-empty string"],
    [
      "a bad email",
      { email: "not-an-email" },
      'email: expected an email address (name@example.com), got "not-an-email"',
    ],
  ])("%s → VALIDATION_ERROR naming the field", async (_what, change, message) => {
    const error = await addUser(api().client, { ...base, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("VALIDATION_ERROR");
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toContain(message);
    expect((await listUsers(api().client)).map((u) => u.username)).not.toContain(change.username);
  });

  test("a too-long password is refused without echoing it", async () => {
    const error = (await addUser(api().client, {
      ...base,
      password: "secret-".repeat(200),
    }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.message).toBe("password: expected a non-empty string of at most 1024 characters");
  });

  test("a taken username → CONFLICT, the first user untouched", async () => {
    await addUser(api().client, { ...base, username: "twice", password: "first" });
    const error = (await addUser(api().client, {
      ...base,
      username: "twice",
      role: "Admin",
      password: "second",
    }).catch((e: unknown) => e)) as ApiError;
    expect([error.code, error.status, error.message]).toEqual([
      "CONFLICT",
      409,
      "The user `twice` already exists",
    ]);
    const stored = await getUserCredentials(api().client, { username: "twice" });
    expect(stored?.user.role).toBe("Viewer");
    await expect(verifyPassword("first", stored!.passwordHash)).resolves.toBe(true);
  });

  test("the table itself refuses a bad username, role or hash from any other writer", async () => {
    const insert = (fields: { username: string; role: string; passwordHash: string }) =>
      createUser(api().client, fields);
    const hash = "scrypt$16384$8$1$c2FsdA==$aGFzaA==";
    await expect(insert({ username: "a b", role: "Viewer", passwordHash: hash })).rejects.toThrow(
      /check constraint/,
    );
    await expect(insert({ username: "ok", role: "root", passwordHash: hash })).rejects.toThrow(
      /check constraint/,
    );
    await expect(insert({ username: "ok", role: "Viewer", passwordHash: "plain" })).rejects.toThrow(
      /check constraint/,
    );
  });
});

describe("ensureAdminUser", () => {
  test("with no Admin: creates `admin` with a generated password, returned once; then null", async () => {
    const password = await ensureAdminUser(api().client);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const admin = await getUserCredentials(api().client, { username: "admin" });
    expect(admin?.user.role).toBe("Admin");
    expect(admin?.passwordHash).not.toContain(password!);
    const login = await request(api().app)
      .post("/auth/token")
      .send({ username: "admin", password });
    expect(login.status).toBe(201);
    await expect(ensureAdminUser(api().client)).resolves.toBeNull();
    await deleteUser(api().client, { username: "admin" });
  });

  test("two starts at once create one Admin; the other gets null", async () => {
    const results = await Promise.all([
      ensureAdminUser(api().client),
      ensureAdminUser(api().client),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await listUsers(api().client)).filter((u) => u.role === "Admin")).toHaveLength(1);
    await deleteUser(api().client, { username: "admin" });
  });

  test("any Admin (not only `admin`) counts", async () => {
    await addUser(api().client, { username: "root", role: "Admin", password: "p" });
    await expect(ensureAdminUser(api().client)).resolves.toBeNull();
    expect(await getUserCredentials(api().client, { username: "admin" })).toBeNull();
    await deleteUser(api().client, { username: "root" });
  });

  test("no Admin but `admin` taken by a Viewer → CONFLICT saying what to do", async () => {
    await addUser(api().client, { username: "admin", role: "Viewer", password: "p" });
    const error = (await ensureAdminUser(api().client).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/updraft users create --role Admin/);
    await deleteUser(api().client, { username: "admin" });
  });
});
