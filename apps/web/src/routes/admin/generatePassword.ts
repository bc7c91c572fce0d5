// Passwords the users page makes up, as the server's own generator does (`updraft users
// create` without one): 120 random bits from the browser's CSPRNG as 20 URL-safe characters.

const BYTES = 15;

/** A new random password. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(BYTES));
  const base64 = btoa(String.fromCharCode(...bytes));
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
