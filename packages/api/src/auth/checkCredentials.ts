// The login's check: the user whose password this is, if they are active. Every failure looks
// the same and costs about the same — an unknown username is checked against a fixed hash of
// nobody's password, so timing does not tell which usernames exist.
import { getUserCredentials, recordUserLogin, type SqlClient, type UserRow } from "@updraft/store";
import { MAX_PASSWORD_LENGTH, USERNAME_PATTERN } from "./addUser";
import { verifyPassword } from "./passwordHash";

/** A hash with the same cost as real ones, of a random password nobody kept. */
const NOBODYS_HASH =
  "scrypt$16384$8$1$sAYQHuUYAu3tZjPP8HdVkg==$omPDXNzzYE0v4n12VM5s9U6REaIDja9DpolwGya8moMFR1rC3DZhkSb21fuWMJB0N/jV+cpYF8OnVzj3PbLF5w==";

/** The active user `username` when `password` is theirs (their last_login stamped); else null. */
export async function checkCredentials(
  client: SqlClient,
  username: string,
  password: string,
): Promise<UserRow | null> {
  const plausible = USERNAME_PATTERN.test(username) && password.length <= MAX_PASSWORD_LENGTH;
  const credentials = plausible ? await getUserCredentials(client, { username }) : null;
  const matches = await verifyPassword(
    plausible ? password : "",
    credentials?.passwordHash ?? NOBODYS_HASH,
  );
  if (credentials === null || !matches || !credentials.user.active) return null;
  await recordUserLogin(client, { id: credentials.user.id });
  return credentials.user;
}
