// Passwords Updraft makes up (standalone's admin, `updraft users create` without one): 120
// random bits as 20 URL-safe characters, easy to paste from a terminal.
import { randomBytes } from "node:crypto";

/** A new random password. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
