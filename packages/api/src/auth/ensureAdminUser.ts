// Standalone's first start, as `airflow standalone` does it: when no Admin exists, create
// `admin` with a generated password and hand the password back once, to be printed; it is not
// kept anywhere but as its hash.
import { createFirstAdminUser, hasAdminUser, type SqlClient } from "@updraft/store";
import { ApiError } from "../http/apiError";
import { generatePassword } from "./generatePassword";
import { hashPassword } from "./passwordHash";

/** The username of the Admin standalone creates. */
const STANDALONE_ADMIN = "admin";

/**
 * Creates the Admin user `admin` with a generated password when there is no Admin, and
 * returns that password; null when an Admin exists. ApiError CONFLICT when there is no Admin
 * but `admin` is taken by a user of another role (nobody could log in as Admin otherwise).
 */
export async function ensureAdminUser(client: SqlClient): Promise<string | null> {
  if (await hasAdminUser(client)) return null;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await createFirstAdminUser(client, { username: STANDALONE_ADMIN, passwordHash });
  if (created !== null) return password;
  // Another process created an Admin meanwhile, or `admin` is someone else's name.
  if (await hasAdminUser(client)) return null;
  throw new ApiError(
    "CONFLICT",
    `There is no Admin user and the username \`${STANDALONE_ADMIN}\` is taken by a user of ` +
      "another role; create one with `updraft users create --role Admin`",
  );
}
