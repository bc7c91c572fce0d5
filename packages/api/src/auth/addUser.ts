// Creating an API user (`updraft users create`, standalone's admin): the fields checked as
// Airflow's FAB user form would (a username of letters, digits and `._@-`, one of the four
// roles, an email that looks like one), the password hashed before it reaches the store.
import { createUser, type SqlClient, type UserRow } from "@updraft/store";
import { z } from "zod";
import { ApiError } from "../http/apiError";
import { hashPassword } from "./passwordHash";
import { ROLES, type Role } from "./roles";

/** The usernames the users table accepts (its check constraint says the same). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

/** Longest password accepted: scrypt's cost grows with it, and nobody types more. */
export const MAX_PASSWORD_LENGTH = 1024;

const MAX_NAME_LENGTH = 256;

/** A user to create. */
export interface NewUser {
  readonly username: string;
  readonly role: Role;
  /** In clear; only its scrypt hash is stored. */
  readonly password: string;
  /** Empty means none. */
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly email?: string | null;
  /** @default true */
  readonly active?: boolean;
}

const EXPECTED: Readonly<Record<keyof NewUser, string>> = {
  username: "1 to 64 letters, digits or . _ @ -",
  role: `one of ${ROLES.join(", ")}`,
  password: `a non-empty string of at most ${MAX_PASSWORD_LENGTH} characters`,
  firstName: `at most ${MAX_NAME_LENGTH} characters`,
  lastName: `at most ${MAX_NAME_LENGTH} characters`,
  email: "an email address (name@example.com)",
  active: "true or false",
};

const emptyIsNull = (v: string | null | undefined): string | null =>
  v === "" ? null : (v ?? null);
const name = z.string().max(MAX_NAME_LENGTH).nullish().transform(emptyIsNull);

const NEW_USER = z.strictObject({
  username: z.string().regex(USERNAME_PATTERN),
  role: z.enum(ROLES),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  firstName: name,
  lastName: name,
  email: z
    .union([z.email(), z.literal("")])
    .nullish()
    .transform(emptyIsNull),
  active: z.boolean().default(true),
});

function invalid(input: NewUser, error: z.ZodError): ApiError {
  const field = String(error.issues[0]?.path[0] ?? "username") as keyof NewUser;
  const value: unknown = input[field];
  const got = field === "password" ? "" : `, got ${JSON.stringify(value ?? null)}`;
  return new ApiError("VALIDATION_ERROR", `${field}: expected ${EXPECTED[field] ?? "?"}${got}`);
}

/**
 * Creates a user. ApiError VALIDATION_ERROR names the bad field, what was expected and the
 * value given (never the password); CONFLICT when the username is taken.
 */
export async function addUser(client: SqlClient, input: NewUser): Promise<UserRow> {
  const parsed = NEW_USER.safeParse(input);
  if (!parsed.success) throw invalid(input, parsed.error);
  const { password, ...fields } = parsed.data;
  const user = await createUser(client, { ...fields, passwordHash: await hashPassword(password) });
  if (user === null)
    throw new ApiError("CONFLICT", `The user \`${fields.username}\` already exists`);
  return user;
}
