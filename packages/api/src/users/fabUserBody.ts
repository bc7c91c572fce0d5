// The bodies of POST /auth/fab/v1/users and PATCH /auth/fab/v1/users/{username}: FAB's User
// schema (username, password, roles as [{name}], first_name, last_name, email), strict, each
// problem a 422 naming the field. Updraft gives a user exactly one of Airflow's four roles, so
// `roles` holds one; `active` is writable too (FAB only reads it), so the UI can deactivate a
// user without deleting them. Empty names and email read as none.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH, USERNAME_PATTERN } from "../auth/addUser";
import { ROLES, type Role } from "../auth/roles";

const MAX_NAME_LENGTH = 256;
const OBJECT_ERROR = "Input should be a valid dictionary or object to extract fields from";

const emptyIsNull = (value: string | null | undefined): string | null | undefined =>
  value === "" ? null : value;

const username = z
  .string({ error: "Input should be a valid string" })
  .regex(USERNAME_PATTERN, { error: "expected 1 to 64 letters, digits or . _ @ -" });

const password = z
  .string({ error: "Input should be a valid string" })
  .min(1, { error: "expected a non-empty password" })
  .max(MAX_PASSWORD_LENGTH, { error: `expected at most ${MAX_PASSWORD_LENGTH} characters` });

const name = z
  .string({ error: "Input should be a valid string" })
  .max(MAX_NAME_LENGTH, { error: `expected at most ${MAX_NAME_LENGTH} characters` })
  .nullable()
  .optional()
  .transform(emptyIsNull);

const email = z
  .union([z.email(), z.literal("")], { error: "expected an email address (name@example.com)" })
  .nullable()
  .optional()
  .transform(emptyIsNull);

const roles = z
  .array(
    z.strictObject(
      {
        name: z.enum(ROLES, { error: `expected one of ${ROLES.join(", ")}` }),
      },
      { error: OBJECT_ERROR },
    ),
    { error: "Input should be a valid list" },
  )
  .length(1, { error: "expected exactly one role (an Updraft user has one role)" })
  .transform((list): Role => (list[0] as { name: Role }).name);

const active = z.boolean({ error: "Input should be a valid boolean" });

/** POST /auth/fab/v1/users. */
export const fabUserCreateBody = z.strictObject(
  {
    username,
    password,
    roles,
    first_name: name,
    last_name: name,
    email,
    active: active.optional(),
  },
  { error: OBJECT_ERROR },
);

/** PATCH /auth/fab/v1/users/{username}: every field optional. */
export const fabUserPatchBody = z.strictObject(
  {
    username: username.optional(),
    password: password.optional(),
    roles: roles.optional(),
    first_name: name,
    last_name: name,
    email,
    active: active.optional(),
  },
  { error: OBJECT_ERROR },
);

/** A checked patch body. */
export type FabUserPatchBody = z.output<typeof fabUserPatchBody>;

/** The fields a PATCH may change (and its update_mask may name), as the body names them. */
export const FAB_USER_PATCH_FIELDS = [
  "password",
  "roles",
  "first_name",
  "last_name",
  "email",
  "active",
] as const;
